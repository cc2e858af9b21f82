import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The modules a device's kept day depends on (src/domain/sync/warm-day.ts): the log core that
 * folds stored events at a start, and the kept record's shape. A start uses a kept state only
 * when it was folded by the same code, which is these modules and every module they import.
 */
export const FOLD_ENTRIES = ['src/domain/sync/log-core.ts', 'src/domain/sync/warm-day.ts'];

/**
 * The relative imports of `entries` and of every module they reach, however deep, as paths
 * from `root`, sorted. Read with TypeScript's own scanner (imports, re-exports, type imports
 * and `import()` alike), so a module reached in any way is counted.
 */
export function moduleClosure(root: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (fileName.startsWith('.')) visit(resolve(dirname(file), fileName));
    }
  };
  for (const entry of entries) visit(resolve(root, entry));
  return [...seen].map((f) => relative(root, f).split('\\').join('/')).sort();
}

/**
 * A digest of the fold's code (FOLD_ENTRIES and what they import): a new version whose change
 * does not touch the fold keeps the devices' kept days, and their quick starts after updating.
 */
export function foldDigest(root: string, entries: readonly string[] = FOLD_ENTRIES): string {
  const hash = createHash('sha256');
  for (const f of moduleClosure(root, entries)) {
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(resolve(root, f)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
