/**
 * `npm run export -- --format F --out PATH` and the backup it makes: the export is
 * written to PATH.partial (a file, or a folder for csv) and renamed to PATH only when it
 * saw one state of the graph, so PATH is always a complete, consistent export (a crash
 * leaves the old one in place).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Graph } from '../db/index.ts';
import { AppError } from '../model/index.ts';
import { writeEcosystemJson, type ExportCounts, type ExportJsonOptions, type JsonExport } from './export-json.ts';
import { writeGexf, writeGraphml } from './export-network.ts';
import { writeCsvFolder, writeWorkbook } from './export-tables.ts';

/** The formats of the contract. */
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'graphml', 'gexf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Attempts before giving up when writes keep landing during the export. */
export const EXPORT_ATTEMPTS = 5;

export interface ExportFileResult { counts: ExportCounts; attempts: number }

export async function exportToFile(graph: Graph, path: string, options: ExportJsonOptions & { attempts?: number } = {}): Promise<ExportFileResult> {
  return exportTo(graph, path, 'json', options) as Promise<ExportFileResult>;
}

export type ExportResult = ExportFileResult | { network: { nodes: number; edges: number } };

/** Writes the export of `format` to `path`; csv makes `path` a folder (replacing one that holds only the layout's CSV files). */
export async function exportTo(graph: Graph, path: string, format: ExportFormat, options: ExportJsonOptions & { attempts?: number } = {}): Promise<ExportResult> {
  if (format === 'graphml' || format === 'gexf') {
    // One computed network: it describes one graph version whatever lands meanwhile.
    const partial = `${path}.partial`;
    const answer = await (format === 'graphml' ? writeGraphml : writeGexf)(graph, partial).catch(async (err: unknown) => {
      await rm(partial, { force: true });
      throw err;
    });
    await rename(partial, path);
    return { network: { nodes: answer.nodes.length, edges: answer.edges.length } };
  }
  const attempts = options.attempts ?? EXPORT_ATTEMPTS;
  const partial = `${path}.partial`;
  if (format === 'csv' || format === 'xlsx') {
    if (format === 'csv') await replaceableFolder(path);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await rm(partial, { recursive: true, force: true });
      let result: JsonExport;
      try {
        result = await (format === 'csv' ? writeCsvFolder : writeWorkbook)(graph, partial, options);
      } catch (err) {
        await rm(partial, { recursive: true, force: true });
        throw err;
      }
      if (result.consistent) {
        await rm(path, { recursive: true, force: true });
        await rename(partial, path);
        return { counts: result.counts, attempts: attempt };
      }
    }
    await rm(partial, { recursive: true, force: true });
    throw new AppError('CONFLICT', `The graph changed during each of ${attempts} export attempts; try again when writes are fewer.`);
  }
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const out = createWriteStream(partial, { encoding: 'utf8' });
    try {
      const write = async (chunk: string) => {
        if (!out.write(chunk)) await once(out, 'drain');
      };
      const result = await writeEcosystemJson(graph, write, options);
      out.end();
      await once(out, 'close');
      if (result.consistent) {
        await rename(partial, path);
        return { counts: result.counts, attempts: attempt };
      }
    } catch (err) {
      out.destroy();
      await rm(partial, { force: true });
      throw err;
    }
  }
  await rm(partial, { force: true });
  throw new AppError('CONFLICT', `The graph changed during each of ${attempts} export attempts; try again when writes are fewer.`);
}

/** A csv export replaces a folder only when it holds nothing but the layout's CSV files (an earlier export). */
async function replaceableFolder(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return;
  const foreign = info.isDirectory() ? (await readdir(path)).filter((name) => extname(name).toLowerCase() !== '.csv') : [path];
  if (foreign.length > 0) {
    throw new AppError('BAD_USER_INPUT', `${path} exists and holds more than CSV files (${foreign.slice(0, 3).join(', ')}); name a new folder for the csv export.`);
  }
}
