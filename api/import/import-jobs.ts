/**
 * Imports through the API run as jobs (README: "Imports through the API"): each runs in
 * this process under IMPORT_TIMEOUT_MS, not under a request's QUERY_TIMEOUT_MS, and its
 * progress can be read while it runs (GET /imports/ID, `importJob(id)`). A request that
 * starts one does not have to wait for the write, so no import is cut by a request's
 * limit or a client's patience; `importEcosystem` waits for its own job.
 *
 * Uploads run one at a time (imports take the imports' lock in the database anyway). A
 * mutation's input runs at once, as its own transaction did before jobs: the database
 * orders it among the others, and a failure (the database gone) answers at once rather
 * than after the jobs queued before it. Uploads and `startImport`, which hold no request,
 * are refused beyond MAX_WAITING jobs in progress; `importEcosystem` is bounded by its
 * request (the per-token gate). A finished job is kept for an hour. Uploaded files are
 * kept on disk (not in memory) from the upload to the write, and deleted when the job ends.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Principal } from '../../graph/access/index.ts';
import type { Graph } from '../../graph/db/index.ts';
import {
  countImport, findImportProblems, importWhole, loadImport, MalformedJsonError, SourceError, type ImportCounts, type LoadedImport,
} from '../../graph/import/index.ts';
import { AppError, type EcosystemInput, type Problem } from '../../graph/model/index.ts';

/** CHECKING → READY (no problem; an upload waits to be written) or REFUSED (problems); WRITING → DONE, REFUSED or FAILED. */
export const IMPORT_JOB_STATES = ['CHECKING', 'READY', 'REFUSED', 'WRITING', 'DONE', 'FAILED'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];
export const IMPORT_PHASES = ['WAITING', 'READING', 'CHECKING', 'WRITING'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** What a reader of the job sees (GET /imports/ID, `importJob`). */
export interface ImportJobView {
  id: string;
  state: ImportJobState;
  /** The file(s) the import comes from, as their names were uploaded ("importEcosystem" for the mutation's input). */
  source: string;
  format: 'json' | 'csv' | 'xlsx' | 'graphql';
  /** What runs now; null once the job waits for a decision (READY) or is over. */
  phase: ImportPhase | null;
  /** Progress of the phase: bytes while reading, batches while writing. */
  done: number;
  total: number;
  /** The first MAX_SHOWN_PROBLEMS problems, each with its path (`file.csv:ROW:column` for spreadsheets); nothing was written. */
  problems: Problem[];
  /** How many problems there are in all. */
  problemCount: number;
  /** READY: what the files hold; DONE: what was written. */
  counts: ImportCounts | null;
  /** FAILED: why (a code of the contract's and a message for a person). */
  error: { code: string; message: string } | null;
  tokenId: string;
  createdAt: string;
  finishedAt: string | null;
}

/** Where an upload's files are on disk: `path` is what `npm run import` would be given. */
export interface UploadedFiles {
  path: string;
  /** The folder to delete when the job ends. */
  dir: string;
  source: string;
  format: 'json' | 'csv' | 'xlsx';
}

interface Job {
  view: ImportJobView;
  /** Every problem (the view shows the first MAX_SHOWN_PROBLEMS). */
  allProblems: Problem[];
  files: UploadedFiles | null;
  principal: Principal;
  finished: Promise<void>;
  expiry?: NodeJS.Timeout;
}

/** Problems a job's answer lists; an input of a million bad rows would otherwise answer a million. */
export const MAX_SHOWN_PROBLEMS = 1_000;
/** Jobs in progress beyond one (uploads waiting their turn, startImport's); more uploads or startImports are refused (429), as a flood should be. */
export const MAX_WAITING = 4;
/** A finished job, or a READY one nobody writes, is forgotten after this long. */
const KEEP_MS = 60 * 60_000;
/** Progress is noted at most this often while reading bytes (a 100 MB file has many chunks). */
const BYTE_STEP = 1 << 20;

export interface ImportJobsOptions {
  timeoutMs: number;
  /** An unexpected failure (a bug, the database gone), for the log; the job says FAILED. */
  reportInternal: (err: unknown) => void;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private queue: Promise<void> = Promise.resolve();
  private inProgress = 0;

  constructor(private readonly graph: Graph, private readonly options: ImportJobsOptions) {}

  /** An upload: checked now (every problem, nothing written); written at once when `write`, otherwise when `write(id)` is called. */
  async startUpload(principal: Principal, files: UploadedFiles, write: boolean): Promise<ImportJobView> {
    try {
      this.assertRoom();
    } catch (err) {
      await rm(files.dir, { recursive: true, force: true });
      throw err;
    }
    const job = this.create(principal, files.source, files.format, files);
    job.finished = this.enqueue(job, async () => {
      await this.check(job);
      if (write && job.view.state === 'READY') await this.writeFiles(job);
    });
    return { ...job.view };
  }

  /** Writes an upload that was checked and found READY. */
  write(id: string): ImportJobView {
    const job = this.jobs.get(id);
    if (!job) throw notFound(id);
    if (job.view.state !== 'READY') {
      throw new AppError('CONFLICT', `Import ${id} is ${job.view.state}: only a READY import (checked, without problems) can be written.`);
    }
    job.view.state = 'WRITING';
    job.view.phase = 'WAITING';
    clearTimeout(job.expiry);
    job.finished = this.enqueue(job, () => this.writeFiles(job));
    return { ...job.view };
  }

  /**
   * The mutations' input, checked and written in one transaction, started at once.
   * `detached` (startImport): nobody waits for it, so it counts against MAX_WAITING.
   */
  startInput(principal: Principal, raw: EcosystemInput | unknown, detached: boolean): { view: ImportJobView; finished: Promise<void> } {
    if (detached) this.assertRoom();
    const job = this.create(principal, 'importEcosystem', 'graphql', null);
    job.view.state = 'WRITING';
    const loaded: LoadedImport = { raw, problemsWith: (validator) => [...validator] };
    // No file: the audit entry and the import.completed event say `source: null`, as before jobs.
    this.inProgress += 1;
    job.finished = this.track(job, () => this.writeLoaded(job, loaded, 'importEcosystem', null)).finally(() => { this.inProgress -= 1; });
    return { view: { ...job.view }, finished: job.finished };
  }

  get(id: string): ImportJobView | null {
    const job = this.jobs.get(id);
    return job ? { ...job.view } : null;
  }

  /** Newest first. */
  list(): ImportJobView[] {
    return [...this.jobs.values()].map((j) => ({ ...j.view })).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  /** Forgets a job that is not running (its files go); a running one cannot be stopped half-way. */
  async discard(id: string): Promise<void> {
    const job = this.jobs.get(id);
    if (!job) throw notFound(id);
    if (job.view.phase !== null) throw new AppError('CONFLICT', `Import ${id} is running; it can be discarded when it is over.`);
    await this.forget(job);
  }

  /** Every problem of a REFUSED job (`importEcosystem` lists them as a refused mutation does). */
  problemsOf(id: string): Problem[] {
    return this.jobs.get(id)?.allProblems ?? [];
  }

  /** Throws QUERY_TOO_COMPLEX (429 over HTTP) when MAX_WAITING + 1 imports are already in progress. */
  assertRoom(): void {
    if (this.inProgress >= MAX_WAITING + 1) {
      throw new AppError('QUERY_TOO_COMPLEX', `${MAX_WAITING + 1} imports are already in progress; try again when one is over.`);
    }
  }

  private create(principal: Principal, source: string, format: ImportJobView['format'], files: UploadedFiles | null): Job {
    const view: ImportJobView = {
      id: randomUUID(), state: 'CHECKING', source, format, phase: 'WAITING', done: 0, total: 0,
      problems: [], problemCount: 0, counts: null, error: null, tokenId: principal.tokenId,
      createdAt: new Date().toISOString(), finishedAt: null,
    };
    const job: Job = { view, allProblems: [], files, principal, finished: Promise.resolve() };
    this.jobs.set(view.id, job);
    return job;
  }

  /** Runs `work` after the uploads before it; it counts as in progress from now. */
  private enqueue(job: Job, work: () => Promise<void>): Promise<void> {
    this.inProgress += 1;
    const run = this.queue.then(() => this.track(job, work)).finally(() => { this.inProgress -= 1; });
    this.queue = run;
    return run;
  }

  /** Runs `work` and ends the job with its outcome; a failure ends the job as FAILED, never the queue. */
  private async track(job: Job, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.fail(job, err);
    } finally {
      job.view.phase = null;
      // READY waits for a decision (write or discard) for as long as a finished job is kept.
      if (job.view.state === 'READY') this.expireLater(job);
      else await this.settle(job);
    }
  }

  /** Reads the files and finds every problem without writing (the store as it is now). */
  private async check(job: Job): Promise<void> {
    const loaded = await this.read(job);
    if (!loaded) return;
    this.phase(job, 'CHECKING', 0, 0);
    const validator = await this.graph.readTx((tx) => findImportProblems(tx, loaded.raw), this.options.timeoutMs);
    const problems = loaded.problemsWith(validator);
    if (problems.length > 0) return this.refuse(job, problems);
    job.view.counts = countImport(loaded.raw as EcosystemInput);
    job.view.state = 'READY';
    job.view.phase = null;
  }

  private async writeFiles(job: Job): Promise<void> {
    job.view.state = 'WRITING';
    // Read again rather than held since the check: a READY job costs disk, not memory.
    const loaded = await this.read(job);
    if (loaded) await this.writeLoaded(job, loaded, 'upload', job.view.source);
  }

  /** Validated again under the imports' lock (the store may have changed since the check), then written, all or nothing. */
  private async writeLoaded(job: Job, loaded: LoadedImport, operation: string, source: string | null): Promise<void> {
    this.phase(job, 'CHECKING', 0, 0);
    const result = await importWhole(this.graph, loaded, {
      timeoutMs: this.options.timeoutMs, actor: job.principal, source, operation,
      onProgress: (phase, done, total) => this.phase(job, phase === 'writing' ? 'WRITING' : 'CHECKING', done, total),
    });
    if (result.problems) return this.refuse(job, result.problems);
    job.view.counts = result.counts;
    job.view.state = 'DONE';
  }

  private async read(job: Job): Promise<LoadedImport | null> {
    const files = job.files!;
    this.phase(job, 'READING', 0, 0);
    let noted = 0;
    try {
      return await loadImport(files.path, (read, total) => {
        if (read - noted < BYTE_STEP && read < total) return;
        noted = read;
        this.phase(job, 'READING', read, total);
      });
    } catch (err) {
      if (err instanceof MalformedJsonError || err instanceof SourceError) {
        this.refuse(job, [{ path: files.source, message: err.message }]);
        return null;
      }
      throw err;
    }
  }

  private phase(job: Job, phase: ImportPhase, done: number, total: number): void {
    job.view.phase = phase;
    job.view.done = done;
    job.view.total = total;
  }

  private refuse(job: Job, problems: Problem[]): void {
    job.view.state = 'REFUSED';
    job.allProblems = problems;
    job.view.problems = problems.slice(0, MAX_SHOWN_PROBLEMS);
    job.view.problemCount = problems.length;
  }

  private fail(job: Job, err: unknown): void {
    job.view.state = 'FAILED';
    if (err instanceof AppError) {
      job.view.error = { code: err.code, message: err.message };
      if (err.code === 'BAD_USER_INPUT' && err.problems) this.refuse(job, err.problems);
      return;
    }
    this.options.reportInternal(err);
    job.view.error = { code: 'INTERNAL_SERVER_ERROR', message: 'The import failed on the server; nothing was written.' };
  }

  /** Over: the files go now, the job's answer an hour later. */
  private async settle(job: Job): Promise<void> {
    job.view.finishedAt = new Date().toISOString();
    if (job.files) await rm(job.files.dir, { recursive: true, force: true });
    this.expireLater(job);
  }

  private expireLater(job: Job): void {
    clearTimeout(job.expiry);
    job.expiry = setTimeout(() => void this.forget(job), KEEP_MS);
    job.expiry.unref();
  }

  private async forget(job: Job): Promise<void> {
    clearTimeout(job.expiry);
    this.jobs.delete(job.view.id);
    if (job.files) await rm(job.files.dir, { recursive: true, force: true });
  }
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No import ${id} (finished imports are kept for an hour).`);
}

const registries = new WeakMap<Graph, ImportJobs>();

/** The process's jobs for `graph` (app.ts makes them at start; the HTTP routes and resolvers read them). */
export function attachImportJobs(graph: Graph, options: ImportJobsOptions): ImportJobs {
  const jobs = new ImportJobs(graph, options);
  registries.set(graph, jobs);
  return jobs;
}

export function importJobsOf(graph: Graph): ImportJobs {
  const jobs = registries.get(graph);
  if (!jobs) throw new Error('No import jobs for this graph: app.ts attaches them at start.');
  return jobs;
}
