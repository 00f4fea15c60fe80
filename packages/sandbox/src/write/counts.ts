/** Rows written per table. */
export type GenerateSummary = { profile: string; seed: number; rows: Record<string, number>; totalRows: number; seconds: number };

export class Counts {
  readonly rows: Record<string, number> = {};

  add(table: string, n: number): void {
    this.rows[table] = (this.rows[table] ?? 0) + n;
  }

  total(): number {
    return Object.values(this.rows).reduce((s, n) => s + n, 0);
  }
}
