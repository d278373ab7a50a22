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
  /** WEBHOOK_ALLOW_PRIVATE=1: webhooks may target private, loopback and link-local addresses. */
  webhookAllowPrivate: boolean;
  /** WEBHOOK_RETRY_SCALE: every retry delay of webhooks is divided by it (tests: 1000 and more). */
  webhookRetryScale: number;
  /** SESSION_IDLE_SECONDS: a browser session unused this long ends (default 12 h). */
  sessionIdleSeconds: number;
  /** SESSION_MAX_SECONDS: a browser session ends this long after sign-in, used or not (default 7 days). */
  sessionMaxSeconds: number;
  /**
   * TRUST_PROXY=1: the app runs behind a proxy that sets X-Forwarded-Proto and X-Forwarded-Host
   * (the session cookie is Secure when the browser used https; its Origin is checked against
   * the forwarded host). Off: those headers are anyone's to send and are ignored.
   */
  trustProxy: boolean;
  /**
   * IMPORT_TIMEOUT_MS: the transaction limit of an import through the API (importEcosystem,
   * startImport, an upload), instead of a request's QUERY_TIMEOUT_MS (default 15 min, as the CLI's).
   */
  importTimeoutMs: number;
  /** MAX_UPLOAD_BYTES: the most an upload to POST /imports may hold, all files together (default 512 MiB). */
  maxUploadBytes: number;
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
    webhookAllowPrivate: flag(env.WEBHOOK_ALLOW_PRIVATE, 'WEBHOOK_ALLOW_PRIVATE'),
    webhookRetryScale: positiveNumber(env.WEBHOOK_RETRY_SCALE, 1, 'WEBHOOK_RETRY_SCALE'),
    sessionIdleSeconds: positiveInt(env.SESSION_IDLE_SECONDS, 12 * 3600, 'SESSION_IDLE_SECONDS'),
    sessionMaxSeconds: positiveInt(env.SESSION_MAX_SECONDS, 7 * 86400, 'SESSION_MAX_SECONDS'),
    trustProxy: flag(env.TRUST_PROXY, 'TRUST_PROXY'),
    importTimeoutMs: positiveInt(env.IMPORT_TIMEOUT_MS, 15 * 60_000, 'IMPORT_TIMEOUT_MS'),
    maxUploadBytes: positiveInt(env.MAX_UPLOAD_BYTES, 512 * 1024 * 1024, 'MAX_UPLOAD_BYTES'),
  };
}

/** "1" or "true" (any case) is on; unset, empty, "0" or "false" off; anything else stops the start. */
function flag(value: string | undefined, name: string): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '' || v === '0' || v === 'false') return false;
  throw new Error(`${name} must be 1 or 0, got "${value}"`);
}

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return n;
}
