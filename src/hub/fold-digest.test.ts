import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSource, FOLD_ENTRIES, foldDigest, moduleClosure } from './fold-digest.ts';

const trees: string[] = [];
afterEach(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A small source tree: files by path, written under a fresh folder. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fold-digest-'));
  trees.push(root);
  for (const [path, text] of Object.entries(files)) write(root, path, text);
  return root;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

const FILES = {
  'd/core.ts': "import { fold } from './q/fold.ts';\nexport * from './shape.ts';\n",
  'd/q/fold.ts': "import type { E } from './events.ts';\nexport const fold = (e: E) => e;\n",
  'd/q/events.ts': 'export type E = number;\n',
  'd/shape.ts': 'export const V = 1;\n',
  'd/reports.ts': "import { fold } from './q/fold.ts';\nexport const r = fold;\n",
};

describe('foldDigest', () => {
  it('follows imports, type imports and re-exports, and leaves out what the fold never reaches', () => {
    expect(moduleClosure(['d/core.ts'], fileSource(tree(FILES)))).toEqual([
      'd/core.ts',
      'd/q/events.ts',
      'd/q/fold.ts',
      'd/shape.ts',
    ]);
  });

  it('changes with a module the fold reaches, not with one it does not', () => {
    const root = tree(FILES);
    const before = foldDigest(fileSource(root), ['d/core.ts']);
    write(root, 'd/reports.ts', 'export const r = 2;\n');
    expect(foldDigest(fileSource(root), ['d/core.ts'])).toBe(before);
    write(root, 'd/q/events.ts', 'export type E = string;\n');
    expect(foldDigest(fileSource(root), ['d/core.ts'])).not.toBe(before);
  });

  it('changes when the fold comes to import a module it did not', () => {
    const root = tree(FILES);
    const before = foldDigest(fileSource(root), ['d/core.ts']);
    write(root, 'd/q/fold.ts', "import './../reports.ts';\n" + FILES['d/q/fold.ts']);
    expect(foldDigest(fileSource(root), ['d/core.ts'])).not.toBe(before);
    expect(moduleClosure(['d/core.ts'], fileSource(root))).toContain('d/reports.ts');
  });

  it('names a module it cannot read, and what imports it', () => {
    const root = tree({ ...FILES, 'd/q/fold.ts': "import './gone.ts';\n" });
    expect(() => moduleClosure(['d/core.ts'], fileSource(root))).toThrow(
      'cannot read d/q/gone.ts, imported by d/q/fold.ts',
    );
    expect(() => foldDigest(fileSource(root), ['d/renamed.ts'])).toThrow(
      'cannot read d/renamed.ts',
    );
  });

  it("imports packages only for their types: a package's code never shapes the fold", () => {
    // the digest follows relative imports only; a package imported for its code would change
    // the fold with its version, unseen
    for (const file of moduleClosure(FOLD_ENTRIES, fileSource(process.cwd()))) {
      const source = ts.createSourceFile(
        file,
        fileSource(process.cwd())(file) ?? '',
        ts.ScriptTarget.Latest,
      );
      for (const node of source.statements) {
        if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) continue;
        const from = node.moduleSpecifier;
        if (!from || !ts.isStringLiteral(from) || from.text.startsWith('.')) continue;
        const typeOnly = ts.isImportDeclaration(node)
          ? node.importClause?.isTypeOnly === true
          : node.isTypeOnly;
        expect(typeOnly, `${file} imports ${from.text} for its code`).toBe(true);
      }
    }
  });

  it("covers this project's fold: the queue's fold and the log core, not the reports", () => {
    const closure = moduleClosure(FOLD_ENTRIES, fileSource(process.cwd()));
    expect(closure).toEqual(expect.arrayContaining([...FOLD_ENTRIES, 'src/domain/queue/fold.ts']));
    expect(closure.some((f) => f.startsWith('src/domain/reports/'))).toBe(false);
  });
});
