// Sizes from the environment, so the lead runs full sizes and a busy machine small ones.
import { execSync } from 'node:child_process';

/** A list of sizes: `BENCH_SIZES=1000,10000`. */
export function sizesFrom(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`${name}=${raw}`);
  return sizes;
}

/** One positive whole number: `BENCH_PAIRS=3`. */
export function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}=${raw} is not a positive integer`);
  return n;
}

/** The load average, printed beside the figures. */
export function machineLoad(): string {
  try {
    return execSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'uptime unavailable';
  }
}
