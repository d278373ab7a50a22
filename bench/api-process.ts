/**
 * The API as a child process (`node --import tsx api/main.ts`: the node process is the
 * server itself, no tsx wrapper in between), so its peak memory is its own VmHWM.
 */
import { fileURLToPath } from 'node:url';
import { freePort, peakRssMb, startChild, waitForLine, type Child } from './processes.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface ApiProcess {
  url: string;
  pid: number;
  /** VmHWM so far, MiB. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

/** `queryTimeoutMs`: the API's QUERY_TIMEOUT_MS; its default when absent. */
export async function startApiProcess(neo4jUri: string, adminToken: string, queryTimeoutMs?: number): Promise<ApiProcess> {
  const port = await freePort();
  const child: Child = startChild(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, NEO4J_URI: neo4jUri, SEED: 'none', ADMIN_TOKEN: adminToken, PORT: String(port), HOST: '127.0.0.1',
      ...(queryTimeoutMs === undefined ? {} : { QUERY_TIMEOUT_MS: String(queryTimeoutMs) }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const match = await waitForLine(child, /listening on (http:\/\/\S+) /, 120_000);
    // Keep the pipes drained so a chatty server never blocks on a full pipe.
    child.process.stdout!.resume();
    child.process.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`    api: ${chunk.toString()}`));
    return {
      url: match[1]!,
      pid: child.pid,
      peakRssMb: () => peakRssMb(child.pid),
      stop: () => child.stop(),
    };
  } catch (err) {
    await child.stop();
    throw new Error(`The API did not start: ${err instanceof Error ? err.message : String(err)}`);
  }
}
