/**
 * The Data view (contract: Spreadsheets and export): the whole graph as a download in
 * every format, for ADMIN and ANALYST; and, for ADMIN, an import from a JSON file, CSV
 * files or a workbook, dropped or chosen. The files are checked first and every problem
 * is listed with its file, row and column before anything is written; then the import is
 * written with its progress shown, and the audit log names the file.
 * The address keeps the import being followed (`#data?import=ID`), so a reload or a
 * shared link shows it again while the server keeps it (an hour).
 */
import './data.css';
import { discardImport, EXPORT_FORMATS, exportUrl, importJob, uploadImport, writeImport, type ExportFormat, type ImportJob } from '../api/files.ts';
import type { Cell } from '../lib/csv.ts';
import { append, button, clear, el } from '../lib/dom.ts';
import type { ViewState } from '../shell/route.ts';
import { canReadEcosystem, type Session } from '../shell/session.ts';
import { describeError } from '../shell/states.ts';
import type { ViewHandle } from '../shell/view.ts';
import { describeCounts, describeProgress, isRunning, placeOf, progressRatio } from './data-model.ts';

const FORMATS: Record<ExportFormat, { label: string; hint: string }> = {
  json: { label: 'JSON', hint: 'One file in the import format; also a backup.' },
  csv: { label: 'CSV files (zip)', hint: 'One file per table, the layout of seeds/templates.' },
  xlsx: { label: 'Workbook (.xlsx)', hint: 'One sheet per table.' },
  graphml: { label: 'GraphML', hint: 'The co-delivery network with its metrics, for Gephi and other graph tools.' },
  gexf: { label: 'GEXF', hint: 'The same network in Gephi’s own format.' },
};

/** How often a running import is asked about; an import of a large file runs for minutes. */
const POLL_MS = 500;

export function render(element: HTMLElement, session: Session, options: { state?: ViewState } = {}): ViewHandle {
  const { role } = session.viewer;
  let followed = options.state?.import ?? '';
  let job: ImportJob | null = null;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  const exports = el('section', { class: 'data-section', 'aria-labelledby': 'data-export-title' },
    el('h2', { id: 'data-export-title' }, 'Download the whole graph'));
  if (canReadEcosystem(session.viewer)) {
    const list = el('ul', { class: 'data-formats' });
    for (const format of EXPORT_FORMATS) {
      list.append(el('li', {},
        el('a', { class: 'button', href: exportUrl(format), download: '', 'data-format': format }, FORMATS[format].label),
        el('span', { class: 'hint' }, FORMATS[format].hint)));
    }
    exports.append(el('p', {}, 'JSON, the CSV files and the workbook import back unchanged, here or with npm run import.'), list);
  } else {
    exports.append(el('p', { class: 'muted' }, 'Downloading the whole graph needs an ADMIN or ANALYST token.'));
  }

  const imports = el('section', { class: 'data-section', 'aria-labelledby': 'data-import-title' },
    el('h2', { id: 'data-import-title' }, 'Import'));
  const result = el('div', { class: 'import-result', id: 'import-result', 'aria-live': 'polite' });
  if (role === 'ADMIN') {
    const input = el('input', { type: 'file', id: 'import-files', multiple: true, accept: '.json,.csv,.xlsx', class: 'sr-only' });
    input.addEventListener('change', () => {
      if (input.files && input.files.length > 0) void start([...input.files]);
      input.value = ''; // choosing the same files again is a new import
    });
    const zone = el('label', { class: 'dropzone', for: 'import-files', id: 'import-drop' },
      el('strong', {}, 'Drop a JSON file, CSV files or a workbook here'),
      el('span', {}, ' or '), el('span', { class: 'button' }, 'Choose files…'),
      el('span', { class: 'hint' }, 'Checked first: every problem is listed with its file, row and column, and nothing is written until you say so.'));
    zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) void start(files);
    });
    imports.append(input, zone, result);
  } else {
    imports.append(el('p', { class: 'muted' }, 'Imports need an ADMIN token.'));
  }

  element.append(el('div', { class: 'data-view' }, exports, imports));
  if (followed && role === 'ADMIN') void follow(followed);

  /** Sends the files to be checked, and follows the job. */
  async function start(files: File[]): Promise<void> {
    const mine = ++generation;
    clearTimeout(timer);
    showStatus(`Sending ${files.map((f) => f.name).join(', ')}…`);
    try {
      const started = await uploadImport(files);
      if (mine !== generation) return;
      remember(started.id);
      show(started);
      poll(started.id, mine);
    } catch (err) {
      if (mine !== generation) return;
      remember('');
      showFailure(err);
    }
  }

  async function follow(id: string): Promise<void> {
    const mine = ++generation;
    try {
      const seen = await importJob(id);
      if (mine !== generation) return;
      show(seen);
      if (isRunning(seen)) poll(id, mine);
    } catch (err) {
      if (mine !== generation) return;
      remember('');
      showStatus(`That import is no longer kept (${describeError(err)}). Imports are kept for an hour after they end.`);
    }
  }

  function poll(id: string, mine: number): void {
    timer = setTimeout(() => {
      void importJob(id).then((seen) => {
        if (mine !== generation || destroyed) return;
        show(seen);
        if (isRunning(seen)) poll(id, mine);
      }, (err: unknown) => {
        if (mine !== generation || destroyed) return;
        showFailure(err);
      });
    }, POLL_MS);
  }

  async function write(): Promise<void> {
    if (!job) return;
    const mine = ++generation;
    try {
      const started = await writeImport(job.id);
      if (mine !== generation) return;
      show(started);
      poll(started.id, mine);
    } catch (err) {
      if (mine === generation) showFailure(err);
    }
  }

  async function discard(): Promise<void> {
    if (!job) return;
    const id = job.id;
    ++generation;
    clearTimeout(timer);
    try {
      await discardImport(id);
    } finally {
      remember('');
      job = null;
      showStatus('Discarded: nothing was written.');
    }
  }

  function remember(id: string): void {
    followed = id;
    session.remember(undefined, id ? { import: id } : {});
  }

  function showStatus(text: string): void {
    clear(result);
    result.append(el('p', { class: 'import-status' }, text));
  }

  function showFailure(err: unknown): void {
    clear(result);
    result.append(el('p', { class: 'import-status error', role: 'alert' }, describeError(err)));
    const problems = (err as { problems?: ImportJob['problems'] }).problems ?? [];
    if (problems.length > 0) result.append(problemTable({ source: 'upload', format: 'csv', problems, problemCount: problems.length }));
  }

  function show(seen: ImportJob): void {
    job = seen;
    clear(result);
    const title = el('h3', {}, seen.source);
    switch (seen.state) {
      case 'CHECKING':
      case 'WRITING': {
        const ratio = progressRatio(seen);
        const bar = el('progress', { id: 'import-progress', max: 1, 'aria-label': 'Import progress' });
        if (ratio !== null) bar.value = ratio; // no value: the browser shows it as busy
        append(result, title, bar, el('p', { class: 'import-status' }, describeProgress(seen) || (seen.state === 'WRITING' ? 'Writing…' : 'Checking…')));
        return;
      }
      case 'READY':
        append(result, title,
          el('p', { class: 'import-status ok', id: 'import-ready' }, `No problems. Ready to import: ${describeCounts(seen.counts)}.`),
          el('p', { class: 'hint' }, 'Items already in the graph are updated; an engagement or partner in the files replaces its lists.'),
          el('div', { class: 'actions' },
            button('Import into the graph', () => void write(), { id: 'import-write', class: 'primary' }),
            button('Discard', () => void discard(), { id: 'import-discard' })));
        return;
      case 'REFUSED':
        append(result, title,
          el('p', { class: 'import-status error', role: 'alert', id: 'import-refused' },
            `${seen.problemCount} problem${seen.problemCount === 1 ? '' : 's'}; nothing was written. Fix the files and choose them again.`),
          problemTable(seen));
        return;
      case 'DONE':
        append(result, title,
          el('p', { class: 'import-status ok', id: 'import-done' }, `Imported ${describeCounts(seen.counts)}. The audit log records it as “${seen.source}”.`));
        return;
      case 'FAILED':
        append(result, title,
          el('p', { class: 'import-status error', role: 'alert' }, `The import failed (${seen.error?.code ?? 'error'}): ${seen.error?.message ?? ''} Nothing was written.`));
    }
  }

  function problemTable(seen: Pick<ImportJob, 'source' | 'format' | 'problems' | 'problemCount'>): HTMLElement {
    const body = el('tbody');
    for (const problem of seen.problems) {
      const place = placeOf(problem, seen);
      body.append(el('tr', {}, el('td', {}, place.file), el('td', { class: 'num' }, place.row), el('td', {}, place.column), el('td', {}, place.message)));
    }
    const more = seen.problemCount > seen.problems.length
      ? el('p', { class: 'hint' }, `The first ${seen.problems.length} of ${seen.problemCount} problems are shown; npm run import lists them all.`)
      : null;
    return el('div', { class: 'table-wrap' },
      el('table', { class: 'problems', id: 'import-problems' },
        el('thead', {}, el('tr', {}, el('th', {}, 'File'), el('th', {}, 'Row'), el('th', {}, 'Column'), el('th', {}, 'Problem'))), body),
      more);
  }

  return {
    update(_arg, state) {
      const id = state.import ?? '';
      if (id === followed) return;
      followed = id;
      if (!id) {
        ++generation;
        clearTimeout(timer);
        job = null;
        clear(result);
        return;
      }
      if (role === 'ADMIN') void follow(id);
    },
    destroy() {
      destroyed = true;
      ++generation;
      clearTimeout(timer);
    },
    exportPng: () => Promise.resolve(null),
    exportCsv(): Cell[][] {
      if (!job || job.problems.length === 0) return [['File', 'Row', 'Column', 'Problem']];
      return [['File', 'Row', 'Column', 'Problem'], ...job.problems.map((p) => {
        const place = placeOf(p, job!);
        return [place.file, place.row, place.column, place.message];
      })];
    },
  };
}
