/** Promise-shaped access to the layout worker, with progress; destroy() ends the worker and what it was doing. */
import type { LayoutInput, LayoutResult } from './layout.ts';

export interface LayoutRunner {
  run(input: LayoutInput, onProgress?: (share: number) => void): Promise<LayoutResult>;
  destroy(): void;
}

interface Waiting { resolve(r: LayoutResult): void; reject(e: Error): void; progress?: (share: number) => void }

export function createLayoutRunner(): LayoutRunner {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  let next = 0;
  const pending = new Map<number, Waiting>();
  worker.onmessage = (event: MessageEvent<{ id: number; progress?: number; result?: LayoutResult; error?: string }>) => {
    const waiting = pending.get(event.data.id);
    if (!waiting) return;
    if (event.data.progress !== undefined) { waiting.progress?.(event.data.progress); return; }
    pending.delete(event.data.id);
    if (event.data.result) waiting.resolve(event.data.result);
    else waiting.reject(new Error(event.data.error ?? 'layout failed'));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const waiting of pending.values()) waiting.reject(new Error(`The layout worker failed: ${event.message}`));
    pending.clear();
  };
  return {
    run(input, progress) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, progress });
        worker.postMessage({ id, input });
      });
    },
    destroy() {
      worker.terminate();
      for (const waiting of pending.values()) waiting.reject(new Error('layout cancelled'));
      pending.clear();
    },
  };
}
