/** The built web view (web/dist) at /, with nothing readable outside that folder. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:",
  // No other site may frame the page (clickjacking: the page acts with the token it holds).
  // frame-ancestors for browsers that read CSP, X-Frame-Options for those that do not.
  'X-Frame-Options': 'DENY',
};

/**
 * The API explorer's page (/graphiql). GraphiQL's stylesheet embeds its fonts (Roboto, Fira
 * Code and the editor's codicon icons) as data: URLs, which the app's policy refuses; what
 * else it needs (monaco's workers, from 'self'; inline styles) the app's policy already
 * allows. Only this page gets the looser font rule: the app's own pages load no fonts.
 */
export const GRAPHIQL_CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; font-src 'self' data:";

/** Serves `pathname` under `root`; `policy` replaces the app's Content-Security-Policy (one page's own needs). */
export function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse, policy?: string): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  if (policy) res.setHeader('Content-Security-Policy', policy);
  res.setHeader('Content-Security-Policy', withoutFraming(res.getHeader('Content-Security-Policy')));
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405;
    res.setHeader('Allow', 'GET, HEAD');
    res.end();
    return;
  }
  const base = resolve(root);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    relative = '/';
  }
  const file = normalize(join(base, relative === '/' ? 'index.html' : relative));
  const inside = file === base || file.startsWith(base + sep);
  const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(base, 'index.html');
  if (!existsSync(target)) {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>Ecomap</title><h1>Ecomap</h1><p>The API is running at <code>/graphql</code>. '
      + 'The web view is not built yet: run <code>npm run build:web</code>.</p>');
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', TYPES[extname(target)] ?? 'application/octet-stream');
  // Hashed assets never change; index.html must always be fresh.
  res.setHeader('Cache-Control', target.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (req.method === 'HEAD') { res.end(); return; }
  createReadStream(target).pipe(res);
}

/**
 * The policy already set, merged with `frame-ancestors 'none'`: a frame-ancestors
 * directive it has is replaced, the rest is kept as it is (each policy, if several).
 */
function withoutFraming(policy: number | string | string[] | undefined): string | string[] {
  if (Array.isArray(policy)) return policy.map((p) => withoutFraming(p) as string);
  const directives = String(policy ?? '').split(';').map((d) => d.trim()).filter((d) => d !== '' && !/^frame-ancestors\b/i.test(d));
  return [...directives, "frame-ancestors 'none'"].join('; ');
}
