/**
 * An upload to POST /imports: multipart/form-data with one JSON file, one `.xlsx`
 * workbook, or CSV files (the contract's layout), streamed to a folder of its own on disk
 * as it arrives (busboy), never held in memory whole. The files are then what
 * `npm run import` would be given: the JSON file, the workbook, or the folder.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Problem } from '../../graph/model/index.ts';
import type { UploadedFiles } from './import-jobs.ts';

/** The layout has 13 files; a few more may be a README or a stray file, which the import names. */
const MAX_FILES = 32;
/** A file name as a spreadsheet or a person writes it; anything else is refused rather than cleaned. */
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,120}$/u;

export type Upload =
  | { files: UploadedFiles; problems?: undefined; over?: undefined }
  | { problems: Problem[]; files?: undefined; over?: undefined }
  | { over: true; received: number; files?: undefined; problems?: undefined };

/**
 * Reads the request's files into a new temporary folder. Problems of the upload itself (no
 * file, mixed kinds, an unsafe name) come back as problems with the folder removed; a body
 * over `maxBytes` as `over`, with the request paused for the 413 to take over reading.
 */
export async function receiveUpload(req: IncomingMessage, maxBytes: number): Promise<Upload> {
  const dir = await mkdtemp(join(tmpdir(), 'ecomap-upload-'));
  const folder = join(dir, 'upload');
  await mkdir(folder);
  const names: string[] = [];
  const problems: Problem[] = [];
  const writes: Array<Promise<void>> = [];
  let received = 0;
  let over = false;

  const parser = busboy({ headers: req.headers, limits: { files: MAX_FILES, fields: 8, fileSize: maxBytes } });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('file', (_field, stream, info) => {
      const name = info.filename ?? '';
      if (over || !SAFE_NAME.test(name) || names.includes(name)) {
        if (!over) problems.push({ path: name || '(a file without a name)', message: names.includes(name) ? 'is sent twice' : 'is not a file name the import takes (letters, digits, spaces, . _ ( ) -)' });
        stream.resume();
        return;
      }
      names.push(name);
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes && !over) {
          over = true;
          req.unpipe(parser);
          req.pause();
          resolve();
        }
      });
      writes.push(pipeline(stream, createWriteStream(join(folder, name))).catch((err: unknown) => {
        if (!over) throw err;
      }));
    });
    parser.on('filesLimit', () => problems.push({ path: 'upload', message: `holds more than ${MAX_FILES} files` }));
    parser.on('close', () => resolve());
    parser.on('error', reject);
    req.on('error', reject);
  });
  req.pipe(parser);
  try {
    await done;
    if (over) {
      await rm(dir, { recursive: true, force: true });
      return { over: true, received };
    }
    await Promise.all(writes);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    if (isMultipartError(err)) return { problems: [{ path: 'upload', message: `is not multipart/form-data that can be read: ${(err as Error).message}` }] };
    throw err;
  }

  const chosen = choose(names, problems);
  if (!chosen) {
    await rm(dir, { recursive: true, force: true });
    return { problems };
  }
  return {
    files: {
      dir,
      path: chosen.format === 'csv' ? folder : join(folder, chosen.names[0]!),
      source: chosen.names.join(', '),
      format: chosen.format,
    },
  };
}

/** One JSON file, one workbook, or CSV files (other files beside CSV files are named by the import as not of the layout). */
function choose(names: string[], problems: Problem[]): { format: UploadedFiles['format']; names: string[] } | null {
  if (problems.length > 0) return null;
  const kinds = new Set(names.map((n) => extname(n).toLowerCase()));
  if (names.length === 0) {
    problems.push({ path: 'upload', message: 'holds no file: send a JSON file, CSV files or an .xlsx workbook' });
    return null;
  }
  if (kinds.size === 1 && kinds.has('.csv')) return { format: 'csv', names };
  if (names.length === 1 && kinds.has('.xlsx')) return { format: 'xlsx', names };
  if (names.length === 1 && kinds.has('.json')) return { format: 'json', names };
  problems.push({
    path: 'upload',
    message: `holds ${names.join(', ')}: send one JSON file, one .xlsx workbook, or CSV files of the layout, not a mix`,
  });
  return null;
}

function isMultipartError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : '';
  return /multipart|boundary|Unexpected end of form|Malformed/i.test(message);
}
