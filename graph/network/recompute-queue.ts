/**
 * Network recomputations, bounded: one runs at a time in this process, requests for a
 * filter that is already waiting are merged into that one (it then computes the newest
 * version asked for), and a filter never has more than one recomputation waiting
 * behind the running one. However many requests arrive after a write, the work is
 * at most one computation per filter.
 */

interface Job<T> {
  key: string;
  version: number;
  work: (version: number) => Promise<T>;
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

export class RecomputeQueue<T> {
  private running: Job<T> | null = null;
  private readonly waiting = new Map<string, Job<T>>();

  /** Resolves with `work`'s result for `version` or a newer version of the same key. */
  request(key: string, version: number, work: (version: number) => Promise<T>): Promise<T> {
    if (this.running?.key === key && this.running.version >= version) return this.running.promise;
    const queued = this.waiting.get(key);
    if (queued) {
      queued.version = Math.max(queued.version, version);
      return queued.promise;
    }
    let resolve!: (value: T) => void;
    let reject!: (err: unknown) => void;
    const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
    this.waiting.set(key, { key, version, work, promise, resolve, reject });
    this.next();
    return promise;
  }

  /** Recomputations waiting behind the running one (tests read it). */
  get waitingCount(): number {
    return this.waiting.size;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  private next(): void {
    if (this.running) return;
    const [job] = this.waiting.values();
    if (!job) return;
    this.waiting.delete(job.key);
    this.running = job;
    job.work(job.version).then(job.resolve, job.reject).finally(() => {
      this.running = null;
      this.next();
    });
  }
}
