/**
 * Spreadsheet import against JSON import of the same data (issue "Spreadsheets and CRM
 * exports in": a CSV folder of M's size imports in memory comparable to JSON, in at most
 * 1.2 × its time). `npm run import -- FILE.json` runs on a fresh server; the graph it made
 * is written as a CSV folder by the product's own writer (exportTo, as `npm run export
 * -- --format csv`; untimed), and `npm run import -- FOLDER` runs on another fresh server,
 * both through runLoader like the import row. More rounds alternate the order: JSON, CSV,
 * then CSV, JSON.
 *
 * The folder comes from the graph, not from writeInputTables(input, dir, book): that one
 * also builds the workbook in memory (1.1 GiB of RSS at S, so about ten times that at M).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadavg } from 'node:os';
import { exportTo } from '../graph/export/index.ts';
import type { Size } from './args.ts';
import { OUT_DIR, type Dataset } from './dataset.ts';
import { runLoader, type LoaderRun } from './import-bench.ts';
import { atMost, type Verdict } from './results.ts';
import { median } from './stats.ts';

/** CSV over JSON, median wall time and median peak RSS; the issue sets them for M. */
export const FORMAT_TARGETS = { time: 1.2, memory: 1.2, size: 'M' } as const;

export interface FormatsResult {
  size: Size;
  date: string;
  /** 1-minute load average before and after the row. */
  load: [number, number];
  json: LoaderRun[];
  csv: LoaderRun[];
  jsonBytes: number;
  csvBytes: number;
  /** The untimed export of the JSON import's graph as the CSV folder. */
  exportSeconds: number;
  importHeapMb: number | null;
  timeRatio: number;
  memoryRatio: number;
}

export async function benchImportFormats(size: Size, dataset: Dataset, runs: number, log: (line: string) => void): Promise<FormatsResult> {
  const loadBefore = loadavg()[0]!;
  const sizing = { pageCacheMb: size.pageCacheMb, ...(size.neo4jHeapMb === undefined ? {} : { heapMb: size.neo4jHeapMb }) };
  const folder = join(OUT_DIR, `${basename(dataset.file, '.json')}-csv`);
  const heap = size.importHeapMb === null ? '' : ` (node --max-old-space-size=${size.importHeapMb})`;
  const json: LoaderRun[] = [];
  const csv: LoaderRun[] = [];
  let exportSeconds = Number.NaN;
  // Rounds go JSON, CSV, then CSV, JSON (and so on): a load that changes during the run
  // favours neither. The first JSON import's graph is exported as the folder.
  const run = async (kind: 'json' | 'csv', i: number) => {
    const path = kind === 'json' ? dataset.file : folder;
    log(`  import formats ${i}/${runs}: npm run import -- ${basename(path)}${kind === 'csv' ? '/' : ''} on a fresh server${heap}`);
    const loaded = await runLoader('import', path, sizing, size.importHeapMb, log);
    try {
      if (kind === 'json' && i === 1) {
        const started = Date.now();
        await exportTo(loaded.server.graph, folder, 'csv');
        exportSeconds = (Date.now() - started) / 1000;
        log(`  import formats: exported the graph as ${folder} (${mib(folderBytes(folder))}) in ${exportSeconds.toFixed(1)} s (untimed)`);
      }
    } finally {
      await loaded.server.dispose();
    }
    (kind === 'json' ? json : csv).push(loaded.run);
  };
  for (let i = 1; i <= runs; i++) {
    for (const kind of i % 2 === 1 ? ['json', 'csv'] as const : ['csv', 'json'] as const) await run(kind, i);
    if (csv.at(-1)!.count.elements !== json.at(-1)!.count.elements) {
      log(`  WARNING: the JSON import stored ${json.at(-1)!.count.elements} elements, the CSV import ${csv.at(-1)!.count.elements}`);
    }
  }
  const ratio = (of: (r: LoaderRun) => number | null) => median(csv.map((r) => of(r) ?? Number.NaN)) / median(json.map((r) => of(r) ?? Number.NaN));
  return {
    size, date: new Date().toISOString().slice(0, 10), load: [loadBefore, loadavg()[0]!], json, csv,
    jsonBytes: dataset.bytes, csvBytes: folderBytes(folder), exportSeconds, importHeapMb: size.importHeapMb,
    timeRatio: ratio((r) => r.seconds), memoryRatio: ratio((r) => r.peakRssMb),
  };
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const sec = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} s` : '–');
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');

function verdict(v: Verdict, size: string): string {
  return v === 'n/a' || size === FORMAT_TARGETS.size ? `**${v}**` : `${v} (target is for ${FORMAT_TARGETS.size})`;
}

/** The size's block of the row in BENCHMARKS.md. */
export function formatsSection(r: FormatsResult): string {
  const row = (name: string, runs: LoaderRun[], bytes: number) => {
    const phase = (k: string) => median(runs.map((run) => run.phases[k] ?? Number.NaN));
    const wall = median(runs.map((run) => run.seconds));
    const peak = median(runs.map((run) => run.peakRssMb ?? Number.NaN));
    return `| ${name} | ${mib(bytes)} | ${sec(wall)} | ${sec(phase('reading'))} | ${sec(phase('writing'))} | ${sec(wall - phase('reading') - phase('writing'))} `
      + `| ${runs[0]!.count.elements.toLocaleString('en-US')} | ${Number.isFinite(peak) ? `${peak.toFixed(0)} MiB` : 'n/a'} |`;
  };
  return [
    `### ${r.size.name}: ${r.size.partners.toLocaleString('en-US')} partners / ${r.size.engagements.toLocaleString('en-US')} engagements`,
    '',
    `Measured ${r.date}; median of ${r.json.length} round(s); load average ${r.load[0].toFixed(2)} before, ${r.load[1].toFixed(2)} after. `
      + `The CSV folder was exported from the JSON import's graph in ${sec(r.exportSeconds)} (untimed).`
      + (r.importHeapMb === null ? '' : ` Both imports ran with \`--max-old-space-size=${r.importHeapMb}\` (NODE_OPTIONS).`),
    '',
    '| input | size | wall time | reading | writing (with validation) | rest (start, schema) | elements | peak memory |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('JSON file', r.json, r.jsonBytes),
    row('CSV folder', r.csv, r.csvBytes),
    '',
    ...(r.json.length > 1 ? [`Per round (odd rounds JSON first, even rounds CSV first): ${r.json.map((j, i) => `JSON ${sec(j.seconds)}, CSV ${sec(r.csv[i]!.seconds)}`).join('; ')}.`, ''] : []),
    `CSV / JSON: time **${x(r.timeRatio)}**, target ≤ ${FORMAT_TARGETS.time}: ${verdict(atMost(r.timeRatio, FORMAT_TARGETS.time), r.size.name)}; `
      + `peak memory **${x(r.memoryRatio)}**, target ≤ ${FORMAT_TARGETS.memory}: ${verdict(atMost(r.memoryRatio, FORMAT_TARGETS.memory), r.size.name)}.`,
  ].join('\n');
}
