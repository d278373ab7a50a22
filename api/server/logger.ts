/**
 * The server's structured log: one JSON line per request (api/server/request-log.ts) and
 * per error, through pino, on stdout beside the plain start-up lines (which stay plain:
 * people and tests read them). LOG_LEVEL (default `info`; `silent` for none) sets how much.
 *
 * Nothing that authenticates goes in: request lines carry the path without its query
 * string (the web view's link carries `?token=`), never headers; `redact` is the second
 * line of defence should a caller log an object that holds one.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const wanted = level.trim().toLowerCase() || 'info';
  if (!(LEVELS as readonly string[]).includes(wanted)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${level}"`);
  const options = {
    level: wanted,
    base: undefined, // no pid or hostname on every line: one process, one host
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'token', '*.token', 'secret', '*.secret'],
      censor: '[redacted]',
    },
    serializers: { err: errorFields },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function loggerFromEnv(env: NodeJS.ProcessEnv): Logger {
  return createLogger(env.LOG_LEVEL ?? 'info');
}

/**
 * What the log keeps of an error: its kind, message, code and stack. Not pino's default,
 * which copies every enumerable property, and so whatever request or header an HTTP
 * library hung on the error.
 */
function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { type: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}), stack: err.stack };
}
