/** Free loopback ports, for the servers tests and benchmarks start side by side. */
import { createServer } from 'node:net';

/** A port the OS just handed out and released (another process could take it first; rare on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
