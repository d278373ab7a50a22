/** What the numbers were measured on. */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  java: string;
  neo4j: string;
  /** 1-minute load average when the run started: above the core count, others were busy too. */
  loadAtStart: number;
}

export function describeMachine(neo4j: string, loadAtStart: number): Machine {
  // `java -version` writes to stderr.
  const version = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const java = `${version.stderr ?? ''}`.split('\n')[0]?.trim() || 'unknown';
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    java,
    neo4j,
    loadAtStart,
  };
}
