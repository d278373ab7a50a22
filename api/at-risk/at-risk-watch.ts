/**
 * Runs the daily at-risk look (graph/at-risk recordNewlyAtRisk) in the API process:
 * once at start, awaited, so a new day's events are recorded before the first
 * request; then every hour, which notices the UTC day changing. Several processes may
 * all run it: the graph side looks at each day once.
 */
import type { Graph } from '../../graph/db/index.ts';
import { recordNewlyAtRisk } from '../../graph/at-risk/index.ts';

const HOURLY_MS = 60 * 60 * 1000;

export interface AtRiskWatch {
  stop(): void;
}

export async function startAtRiskWatch(graph: Graph, onError: (err: unknown) => void, everyMs = HOURLY_MS): Promise<AtRiskWatch> {
  const look = () => recordNewlyAtRisk(graph, new Date().toISOString().slice(0, 10)).then(() => undefined, onError);
  await look();
  const timer = setInterval(() => void look(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
