import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, so defaults work whatever the current directory is. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute paths stay; relative ones are taken from the repository root. */
export function resolveFromRepo(p: string): string {
  return path.resolve(REPO_ROOT, p);
}

/** A path as a person would type it from here: relative to cwd when inside it. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel)
    ? rel.split(path.sep).join('/')
    : absolute;
}
