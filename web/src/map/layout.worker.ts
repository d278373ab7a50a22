/** Runs computeLayout off the main thread: progress as it goes, positions back as transferred buffers. */
import { computeLayout, type LayoutInput } from './layout.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; input: LayoutInput }>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { id, input } = event.data;
  try {
    const result = computeLayout(input, (share) => scope.postMessage({ id, progress: share }, []));
    scope.postMessage({ id, result }, [result.x.buffer, result.y.buffer]);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }, []);
  }
};
