// Medians and percentiles of timings (nearest rank).

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: number[]) => percentile(values, 0.5);

export const fmtMs = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

export function p50p95(values: number[]): string {
  return `p50 ${fmtMs(percentile(values, 0.5))}, p95 ${fmtMs(percentile(values, 0.95))} (n=${values.length})`;
}
