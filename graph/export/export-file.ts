/**
 * `npm run export -- --format json --out PATH` and the backup it makes: the export is
 * written to PATH.partial and renamed to PATH only when it saw one state of the graph,
 * so PATH is always a complete, consistent file (a crash leaves the old one in place).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Graph } from '../db/index.ts';
import { AppError } from '../model/index.ts';
import { writeEcosystemJson, type ExportCounts, type ExportJsonOptions } from './export-json.ts';

/** Attempts before giving up when writes keep landing during the export. */
export const EXPORT_ATTEMPTS = 5;

export interface ExportFileResult { counts: ExportCounts; attempts: number }

export async function exportToFile(graph: Graph, path: string, options: ExportJsonOptions & { attempts?: number } = {}): Promise<ExportFileResult> {
  const attempts = options.attempts ?? EXPORT_ATTEMPTS;
  const partial = `${path}.partial`;
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
