/**
 * The linear span of some vectors with whole-number entries, kept in echelon form
 * with exact integer arithmetic: what an adversary can work out by adding and
 * subtracting the figures they were shown.
 */
export class RowSpace {
  private readonly rows: bigint[][] = [];
  private readonly pivots: number[] = [];

  constructor(readonly size: number) {}

  private reduce(vector: readonly number[] | readonly bigint[]): bigint[] {
    let r = vector.map((x) => BigInt(x));
    for (let i = 0; i < this.rows.length; i++) {
      const p = this.pivots[i]!;
      if (r[p] === 0n) continue;
      const row = this.rows[i]!;
      const a = row[p]!;
      const b = r[p]!;
      r = r.map((x, j) => x * a - row[j]! * b);
      r = normalise(r);
    }
    return r;
  }

  add(vector: readonly number[]): void {
    const r = this.reduce(vector);
    const pivot = r.findIndex((x) => x !== 0n);
    if (pivot === -1) return;
    this.rows.push(r);
    this.pivots.push(pivot);
  }

  /** Whether the vector is a combination of those added: its sum can be worked out. */
  contains(vector: readonly number[]): boolean {
    return this.reduce(vector).every((x) => x === 0n);
  }

  get rank(): number {
    return this.rows.length;
  }
}

const abs = (x: bigint) => (x < 0n ? -x : x);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));

function normalise(r: bigint[]): bigint[] {
  const g = r.reduce((acc, x) => gcd(acc, x), 0n);
  return g > 1n ? r.map((x) => x / g) : r;
}
