/**
 * After every test: no server of this test file logged an internal error the test did not
 * take (tests/support/server-log.ts). A passing run prints no stack traces.
 */
import { afterEach, expect } from 'vitest';
import { clearServerLog, internalErrors } from '../support/server-log.ts';

afterEach(() => {
  const unexpected = internalErrors().map((e) => `${e.err?.message ?? e.msg} (request ${e.reqId ?? '?'})`);
  clearServerLog();
  expect(unexpected, 'the server logged internal errors this test did not expect').toEqual([]);
});
