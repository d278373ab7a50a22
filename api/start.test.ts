/**
 * What `npm start` tells a person about getting in, on the first start and on every start
 * after it (the ADMIN link is shown once; later starts must still say where a token comes from).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Graph } from '../graph/db/index.ts';
import { openTestGraph, wipe } from '../tests/support/graph.ts';
import { signInHint, startApp } from './app.ts';

let graph: Graph;
beforeAll(async () => {
  graph = await openTestGraph();
  await wipe(graph);
});
afterAll(async () => graph?.close());

async function startAndStop(env: Record<string, string>): Promise<string[]> {
  const lines: string[] = [];
  const app = await startApp({ NEO4J_URI: inject('neo4jUri'), SEED: 'none', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }, (line) => lines.push(line));
  await app.close();
  return lines;
}

describe('how to get in', () => {
  it('a first start shows the ADMIN link once; a second start says where an ADMIN token comes from', async () => {
    const first = await startAndStop({});
    expect(first.filter((l) => /\?token=ecm_/.test(l))).toHaveLength(1);
    const second = await startAndStop({});
    expect(second.join('\n')).not.toMatch(/\?token=ecm_/);
    const hint = second.find((l) => l.startsWith('Open the web view'));
    expect(hint).toMatch(/^Open the web view: http:\/\/127\.0\.0\.1:\d+\/\?token=<an ADMIN token>\./);
    expect(hint).toContain('ADMIN_TOKEN');
  });

  it('with ADMIN_TOKEN or AUTH=off, says so', () => {
    expect(signInHint('http://h:1', null, { adminToken: 's', authOff: false })).toBe('Open the web view as ADMIN: http://h:1/?token=<the ADMIN_TOKEN you set>.');
    expect(signInHint('http://h:1', null, { authOff: true })).toBe('Open the web view: http://h:1/ (AUTH=off: no token needed).');
    expect(signInHint('http://h:1', 'ecm_x', { authOff: false })).toBe('Open the web view as ADMIN (this link is shown once): http://h:1/?token=ecm_x');
  });
});
