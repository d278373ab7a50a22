/**
 * Imports over plain HTTP, for the web view's Import page and for scripts (README:
 * "Imports through the API"). ADMIN only, as `importEcosystem`.
 *
 *   POST   /imports[?write=1]   multipart/form-data files → 202 and the job (checked; written too with write=1)
 *   GET    /imports             the jobs of the last hour, newest first
 *   GET    /imports/ID          one job: state, phase, progress, problems, counts
 *   POST   /imports/ID/write    writes a READY job → 202
 *   DELETE /imports/ID          forgets a job that is not running, and its files → 204
 *
 * Answers are JSON; errors in the GraphQL error shape, as every path of the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';
import { AppError } from '../../graph/model/index.ts';
import { errorBody, errorHeaders, sendError } from '../server/error-answer.ts';
import { refuseOversizedBody } from '../server/oversized-body.ts';
import { importJobsOf, type ImportJobView } from './import-jobs.ts';
import { receiveUpload } from './upload.ts';

export interface ImportRouteOptions {
  graph: Graph;
  maxUploadBytes: number;
}

const JOB_PATH = /^\/imports\/([0-9a-f-]{36})(\/write)?$/;

export async function handleImports(options: ImportRouteOptions, principal: Principal, req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  const method = req.method ?? 'GET';
  if (principal.role !== 'ADMIN') {
    req.resume();
    return sendError(req, res, 403, 'FORBIDDEN', 'Imports need an ADMIN token.');
  }
  const jobs = importJobsOf(options.graph);
  try {
    if (pathname === '/imports' || pathname === '/imports/') {
      if (method === 'GET') return json(res, 200, { jobs: jobs.list() });
      if (method === 'POST') return await upload(options, principal, req, res, new URLSearchParams(search).get('write') === '1');
      return notAllowed(req, res, 'GET, POST');
    }
    const match = JOB_PATH.exec(pathname);
    if (!match) {
      req.resume();
      return sendError(req, res, 404, 'NOT_FOUND', 'Nothing here: imports are at /imports and /imports/ID.');
    }
    const [, id, write] = match as unknown as [string, string, string | undefined];
    req.resume(); // nothing below reads a body
    if (write) {
      if (method !== 'POST') return notAllowed(req, res, 'POST');
      return json(res, 202, jobs.write(id), id);
    }
    if (method === 'GET') {
      const job = jobs.get(id);
      if (!job) throw new AppError('NOT_FOUND', `No import ${id} (finished imports are kept for an hour).`);
      return json(res, 200, job);
    }
    if (method === 'DELETE') {
      await jobs.discard(id);
      res.statusCode = 204;
      return void res.end();
    }
    return notAllowed(req, res, 'GET, DELETE');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    req.resume();
    const status = { NOT_FOUND: 404, CONFLICT: 409, QUERY_TOO_COMPLEX: 429, BAD_USER_INPUT: 400 }[err.code as string] ?? 500;
    return sendError(req, res, status, err.code, err.message, err.problems);
  }
}

async function upload(options: ImportRouteOptions, principal: Principal, req: IncomingMessage, res: ServerResponse, write: boolean): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'multipart/form-data') {
    req.resume();
    return sendError(req, res, 415, 'BAD_USER_INPUT', 'Send the files as multipart/form-data (a JSON file, CSV files or an .xlsx workbook).');
  }
  const limit = options.maxUploadBytes;
  // Answered so that clients which write the whole body before reading can read it (oversized-body.ts).
  const refuse = (received: number) => refuseOversizedBody(req, res, limit, received, errorHeaders(req),
    errorBody('BAD_USER_INPUT', `The upload is larger than ${limit} bytes (MAX_UPLOAD_BYTES); import it with npm run import.`));
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return refuse(0);
  const jobs = importJobsOf(options.graph);
  jobs.assertRoom(); // refused before the files are read when no job could take them
  const received = await receiveUpload(req, limit);
  if (received.over) return refuse(received.received);
  if (received.problems) return sendError(req, res, 400, 'BAD_USER_INPUT', 'The upload cannot be imported; nothing was written.', received.problems);
  const job = await jobs.startUpload(principal, received.files, write);
  return json(res, 202, job, job.id);
}

function json(res: ServerResponse, status: number, body: ImportJobView | { jobs: ImportJobView[] }, location?: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (location) res.setHeader('Location', `/imports/${location}`);
  res.end(JSON.stringify(body));
}

function notAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
  req.resume();
  res.setHeader('Allow', allow);
  sendError(req, res, 405, 'BAD_USER_INPUT', `Use ${allow.replace(', ', ' or ')} here.`);
}
