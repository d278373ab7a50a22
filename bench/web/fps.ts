/** Frames per second from requestAnimationFrame timestamps (ms). */
export interface FpsSummary {
  frames: number;
  seconds: number;
  /** Mean frames per second over the whole run. */
  mean: number;
  /** Frames per second in each half-second window. */
  windows: number[];
  /** The slowest frame, ms. */
  worstFrameMs: number;
}

export function fpsSummary(stamps: readonly number[], windowMs = 500): FpsSummary {
  if (stamps.length < 2) return { frames: stamps.length, seconds: 0, mean: 0, windows: [], worstFrameMs: 0 };
  const first = stamps[0]!, last = stamps[stamps.length - 1]!;
  const windows: number[] = [];
  for (let start = first; start + windowMs <= last; start += windowMs) {
    const inside = stamps.filter((t) => t > start && t <= start + windowMs).length;
    windows.push(Math.round((inside * 1000) / windowMs));
  }
  let worst = 0;
  for (let i = 1; i < stamps.length; i++) worst = Math.max(worst, stamps[i]! - stamps[i - 1]!);
  const seconds = (last - first) / 1000;
  return { frames: stamps.length - 1, seconds, mean: Math.round(((stamps.length - 1) / seconds) * 10) / 10, windows, worstFrameMs: Math.round(worst) };
}
