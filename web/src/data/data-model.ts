/**
 * What the Data view says about an import, as plain functions: where a problem is (file,
 * row, column), what a job is doing, what it holds or wrote.
 */
import type { ImportJob, ImportProblem } from '../api/files.ts';

export interface ProblemPlace { file: string; row: string; column: string; message: string }

/**
 * A problem's place. Spreadsheet paths are `file.csv:ROW:column` or `sheet:ROW:column`
 * (a row or a column may be missing: a whole file, a header); a JSON import's path is a
 * JSON path into its one file, shown as the column.
 */
export function placeOf(problem: ImportProblem, job: Pick<ImportJob, 'format' | 'source'>): ProblemPlace {
  if (job.format === 'json' || job.format === 'graphql') {
    const whole = problem.path === job.source;
    return { file: job.source, row: '', column: whole ? '' : problem.path, message: problem.message };
  }
  const [file = '', row = '', ...column] = problem.path.split(':');
  return { file, row, column: column.join(':'), message: problem.message };
}

const KINDS: ReadonlyArray<[string, string, string]> = [
  ['regions', 'region', 'regions'], ['industries', 'industry', 'industries'], ['capabilities', 'capability', 'capabilities'],
  ['partners', 'partner', 'partners'], ['customers', 'customer', 'customers'], ['engagements', 'engagement', 'engagements'],
  ['contributions', 'contribution', 'contributions'], ['commitments', 'commitment', 'commitments'], ['outcomes', 'outcome', 'outcomes'],
  ['dealRegistrations', 'deal registration', 'deal registrations'],
];

/** "2 partners, 1 customer, 2 engagements": the kinds with at least one item, in the layout's order. */
export function describeCounts(counts: Record<string, number> | null): string {
  if (!counts) return '';
  const parts = KINDS.filter(([key]) => (counts[key] ?? 0) > 0).map(([key, one, many]) => `${counts[key]} ${counts[key] === 1 ? one : many}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** What a running job does now, for a person: the phase and, where it is counted, how far. */
export function describeProgress(job: ImportJob): string {
  switch (job.phase) {
    case 'WAITING': return 'Waiting for another import to finish…';
    case 'READING': return job.total > 0 ? `Reading ${job.source}… ${megabytes(job.done)} of ${megabytes(job.total)}` : `Reading ${job.source}…`;
    case 'CHECKING': return 'Checking every row against the rules and the graph…';
    case 'WRITING': return job.total > 0 ? `Writing… batch ${job.done} of ${job.total}` : 'Writing…';
    default: return '';
  }
}

/** The share done of the phase, 0–1, or null when the phase is not counted (a spinner rather than a bar). */
export function progressRatio(job: ImportJob): number | null {
  if ((job.phase !== 'READING' && job.phase !== 'WRITING') || job.total <= 0) return null;
  return Math.min(1, job.done / job.total);
}

export function isRunning(job: ImportJob): boolean {
  return job.state === 'CHECKING' || job.state === 'WRITING';
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
