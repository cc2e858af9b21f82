import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The modules a device's kept day depends on (src/domain/sync/warm-day.ts): the log core that
 * folds stored events at a start, and the kept record's shape. A start uses a kept state only
 * when it was folded by the same code, which is these modules and every module they import.
 */
export const FOLD_ENTRIES = ['src/domain/sync/log-core.ts', 'src/domain/sync/warm-day.ts'];

/** A module's source by its path from the root ('src/domain/…'); undefined if there is none. */
export type ReadSource = (path: string) => string | undefined;

/** The files of the tree at `root`. */
export function fileSource(root: string): ReadSource {
  return (path) => {
    try {
      return readFileSync(resolve(root, path), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * `entries` and every module they reach by relative imports, however deep, as paths from the
 * root, sorted. Read with TypeScript's own scanner (imports, re-exports, type imports and
 * `import()` alike), so a module reached in any way is counted. A module that cannot be read
 * is an error: a digest that silently left it out would keep kept days across its changes.
 * (Package imports are not followed: the fold's are type-only, see fold-digest.test.ts.)
 */
export function moduleClosure(entries: readonly string[], read: ReadSource): string[] {
  return [...readClosure(entries, read).keys()].sort();
}

/** The closure's modules with their sources, each read once. */
function readClosure(entries: readonly string[], read: ReadSource): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string, from: string | undefined): void => {
    if (seen.has(file)) return;
    const text = read(file);
    if (text === undefined) {
      throw new Error(`fold digest: cannot read ${file}${from ? `, imported by ${from}` : ''}`);
    }
    seen.set(file, text);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (fileName.startsWith('.')) visit(posix.join(posix.dirname(file), fileName), file);
    }
  };
  for (const entry of entries) visit(posix.normalize(entry), undefined);
  return seen;
}

/**
 * A digest of the fold's code (FOLD_ENTRIES and what they import): a new version whose change
 * does not touch the fold keeps the devices' kept days, and their quick starts after updating.
 */
export function foldDigest(read: ReadSource, entries: readonly string[] = FOLD_ENTRIES): string {
  const hash = createHash('sha256');
  const closure = readClosure(entries, read);
  for (const f of [...closure.keys()].sort()) {
    hash
      .update(f)
      .update('\0')
      .update(closure.get(f) ?? '')
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
