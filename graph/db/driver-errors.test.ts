/**
 * Failures of the real driver against the test server, as the contract names them.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../model/index.ts';
import { Graph } from './executor.ts';

describe('driver failures', () => {
  // One connection, given up on after 3 s: a second request while the first holds it finds the
  // pool exhausted. (The same bound covers opening that connection, so not much less on a busy machine.)
  const driver = neo4j.driver(inject('neo4jUri'), undefined, {
    disableLosslessIntegers: true, maxConnectionPoolSize: 1, connectionAcquisitionTimeout: 3_000, logging: { level: 'error', logger: () => {} },
  });
  const graph = new Graph(driver, { queryTimeoutMs: 10_000 });
  beforeAll(async () => driver.verifyConnectivity());
  afterAll(async () => driver.close());

  it('a request that finds every pooled connection busy is SERVICE_UNAVAILABLE (retryable), with no driver text', async () => {
    const holder = driver.session();
    const tx = await holder.beginTransaction();
    try {
      await tx.run('RETURN 1');
      const failure = await graph.read('RETURN 1 AS one').then(() => null, (err: unknown) => err);
      expect(failure).toBeInstanceOf(AppError);
      expect((failure as AppError).code).toBe('SERVICE_UNAVAILABLE');
      expect((failure as AppError).message).not.toMatch(/acquisition|pool/i);
    } finally {
      await tx.rollback();
      await holder.close();
    }
    // Once the connection is free again, the same graph answers.
    expect(await graph.read<{ one: number }>('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });
});
