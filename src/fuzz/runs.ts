/**
 * Cases per property: modest in CI, more with `npm run fuzz -- --runs N` (FUZZ_RUNS).
 * Every fuzz test adds the cases it ran to `fuzzCount`, printed at the end of its file.
 */
const asked = Number(process.env.FUZZ_RUNS);
export const FUZZ_RUNS = Number.isInteger(asked) && asked > 0 ? asked : 0;

export function runs(ciDefault: number): number {
  return FUZZ_RUNS > 0 ? FUZZ_RUNS : ciDefault;
}

const counts = new Map<string, number>();

export function countCases(name: string, n: number): void {
  counts.set(name, (counts.get(name) ?? 0) + n);
}

export function fuzzReport(): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return `fuzz: ${total} cases (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')})`;
}
