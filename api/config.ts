/**
 * The API's settings, read once from the environment (contract: Running, Access, Errors).
 * graph/db/config.ts reads the database's.
 */
import { positiveInt } from '../graph/db/index.ts';

export interface ApiConfig {
  port: number;
  host: string;
  /** The ADMIN secret from ADMIN_TOKEN; unset: one is made on a first start. */
  adminToken?: string;
  /** AUTH=off treats every request as ADMIN (local experiments only). */
  authOff: boolean;
  maxBodyBytes: number;
  /** SEED=none skips the sample ecosystem on a first start. */
  seed: 'sample' | 'none';
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const auth = (env.AUTH ?? '').trim().toLowerCase();
  if (auth !== '' && auth !== 'on' && auth !== 'off') throw new Error(`AUTH must be "on" or "off", got "${env.AUTH}"`);
  const seed = (env.SEED ?? '').trim().toLowerCase();
  return {
    port: env.PORT?.trim() === '0' ? 0 : positiveInt(env.PORT, 4000, 'PORT'),
    host: env.HOST?.trim() || '127.0.0.1',
    adminToken: env.ADMIN_TOKEN?.trim() || undefined,
    authOff: auth === 'off',
    maxBodyBytes: positiveInt(env.MAX_BODY_BYTES, 10 * 1024 * 1024, 'MAX_BODY_BYTES'),
    seed: seed === 'none' ? 'none' : 'sample',
  };
}
