/**
 * Files in and out, beside /graphql: uploads to POST /imports become import jobs the page
 * follows (GET /imports/ID), and the whole graph downloads from GET /export (README:
 * "Imports through the API"). The session's cookie authenticates them, and every request
 * that changes something carries REQUEST_HEADER, as the session's rules ask.
 */
import { ApiError, unwrap } from './client.ts';
import { REQUEST_HEADER } from './session.ts';

export type ImportJobState = 'CHECKING' | 'READY' | 'REFUSED' | 'WRITING' | 'DONE' | 'FAILED';
export type ImportPhase = 'WAITING' | 'READING' | 'CHECKING' | 'WRITING';
export interface ImportProblem { path: string; message: string }

/** An import job as GET /imports/ID answers it. */
export interface ImportJob {
  id: string;
  state: ImportJobState;
  source: string;
  format: 'json' | 'csv' | 'xlsx' | 'graphql';
  phase: ImportPhase | null;
  done: number;
  total: number;
  problems: ImportProblem[];
  problemCount: number;
  counts: Record<string, number> | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The download's address: a plain link, so the browser streams a large export to disk itself. */
export function exportUrl(format: ExportFormat): string {
  return `/export?format=${format}`;
}

/** Sends the files (one JSON file, CSV files or a workbook) to be checked; `write` writes them too when they have no problem. */
export async function uploadImport(files: readonly File[], write = false, fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<ImportJob> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  return jobAnswer(() => fetchFn(`/imports${write ? '?write=1' : ''}`, { method: 'POST', body: form, headers: { ...REQUEST_HEADER }, credentials: 'same-origin' }));
}

export function importJob(id: string, fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<ImportJob> {
  return jobAnswer(() => fetchFn(`/imports/${encodeURIComponent(id)}`, { credentials: 'same-origin' }));
}

/** Writes a READY job. */
export function writeImport(id: string, fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<ImportJob> {
  return jobAnswer(() => fetchFn(`/imports/${encodeURIComponent(id)}/write`, { method: 'POST', headers: { ...REQUEST_HEADER }, credentials: 'same-origin' }));
}

/** Forgets a job that is not running, and its files on the server. */
export async function discardImport(id: string, fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<void> {
  const res = await reach(() => fetchFn(`/imports/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { ...REQUEST_HEADER }, credentials: 'same-origin' }));
  if (!res.ok && res.status !== 404) await failure(res);
}

async function jobAnswer(send: () => Promise<Response>): Promise<ImportJob> {
  const res = await reach(send);
  if (!res.ok) return failure(res);
  return (await res.json()) as ImportJob;
}

async function reach(send: () => Promise<Response>): Promise<Response> {
  try {
    return await send();
  } catch {
    throw new ApiError('The server cannot be reached. Is `npm start` still running?', 'NETWORK_ERROR', 0);
  }
}

/** An error answer in the GraphQL shape, as an ApiError with its problems. */
async function failure(res: Response): Promise<never> {
  let body: { errors?: Array<{ message: string; extensions?: { code?: string; problems?: ImportProblem[] } }> };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`The server answered ${res.status}.`, res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', res.status);
  }
  unwrap({ errors: body.errors ?? [{ message: `The server answered ${res.status}.` }] }, res.status);
  throw new ApiError(`The server answered ${res.status}.`, 'INTERNAL_SERVER_ERROR', res.status);
}
