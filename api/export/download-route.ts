/**
 * GET /export?format=json|csv|xlsx|graphml|gexf: the whole graph as `npm run export`
 * writes it, as a download, for ADMIN and ANALYST tokens (a PARTNER token's scope is one
 * partner, not the whole graph). The export is written to a temporary file by the same
 * code as the CLI (one consistent state of the graph, retried while writes land), then
 * streamed; `csv`, a folder, comes as a zip of the layout's files. One export runs at a
 * time in a process, and one more may wait: an export of a large graph is heavy, and a
 * flood of them must not starve the other users.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import type { Principal } from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';
import { EXPORT_FORMATS, exportTo, type ExportFormat } from '../../graph/export/index.ts';
import { AppError } from '../../graph/model/index.ts';
import { sendError } from '../server/error-answer.ts';

const TYPES: Record<ExportFormat, { type: string; extension: string }> = {
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  csv: { type: 'application/zip', extension: 'zip' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  graphml: { type: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { type: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
};

/** Exports running or waiting in this process. */
let exporting = 0;
const MAX_EXPORTS = 2;
let queue: Promise<unknown> = Promise.resolve();

export async function handleExport(graph: Graph, principal: Principal, req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
  req.resume();
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET');
    return sendError(req, res, 405, 'BAD_USER_INPUT', 'Use GET /export?format=… to download the graph.');
  }
  if (principal.role === 'PARTNER') return sendError(req, res, 403, 'FORBIDDEN', 'The export is the whole graph: it needs an ADMIN or ANALYST token.');
  const format = new URLSearchParams(search).get('format') ?? 'json';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return sendError(req, res, 400, 'BAD_USER_INPUT', `format=${format.slice(0, 40)} is not a format of the export: ${EXPORT_FORMATS.join(', ')}.`);
  }
  if (exporting >= MAX_EXPORTS) {
    res.setHeader('Retry-After', '10');
    return sendError(req, res, 429, 'QUERY_TOO_COMPLEX', 'An export is already running and another waits; try again when one is over.');
  }
  exporting += 1;
  const turn = queue.then(() => download(graph, format as ExportFormat, req, res));
  queue = turn.catch(() => undefined);
  try {
    await turn;
  } finally {
    exporting -= 1;
  }
}

async function download(graph: Graph, format: ExportFormat, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (res.destroyed) return; // the client left while it waited
  const dir = await mkdtemp(join(tmpdir(), 'ecomap-export-'));
  try {
    const path = join(dir, `export.${format}`);
    try {
      await exportTo(graph, path, format);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'BAD_USER_INPUT')) {
        return sendError(req, res, err.code === 'CONFLICT' ? 409 : 400, err.code, err.message);
      }
      throw err;
    }
    const { type, extension } = TYPES[format];
    res.statusCode = 200;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="ecomap-${new Date().toISOString().slice(0, 10)}.${extension}"`);
    if (req.method === 'HEAD') return void res.end();
    if (format === 'csv') return await sendZip(path, res);
    res.setHeader('Content-Length', (await stat(path)).size);
    await pipeline(createReadStream(path), res);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The csv folder as a zip, each file read from disk as the zip is written (never whole in memory). */
async function sendZip(folder: string, res: ServerResponse): Promise<void> {
  const zip = new JSZip();
  for (const name of (await readdir(folder)).sort()) zip.file(name, createReadStream(join(folder, name)), { binary: true });
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }), res);
}
