import { execFileSync } from 'node:child_process';
import { foldDigest, type ReadSource } from '../src/hub/fold-digest.ts';

/**
 * How often an update drops the devices' kept days: over the commits that changed the
 * domain's code (src/domain, tests aside), how many changed the fold's digest
 * (src/hub/fold-digest.ts), which a kept day must match. Before, the digest covered the whole
 * domain, so every one of them did. Merges are not counted (their commits are). Meaningful
 * from the commit that brought the kept day (eb121c0, 2026-12-07 07:15 UTC): before it, the
 * fold's entry modules were not all there.
 *
 *   node --import tsx bench/fold-digest-history.ts [--since 2026-12-07T07:15Z]
 */
const git = (...args: string[]): string =>
  execFileSync('git', args, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  });

/** The files of commit `rev`, read with `git show`. */
function revision(rev: string): ReadSource {
  return (path) => {
    try {
      return git('show', `${rev}:${path}`);
    } catch {
      return undefined;
    }
  };
}

const digests = new Map<string, string>();

/** The fold's digest at `rev` (once per commit); 'none' before its modules were all there. */
function digestAt(rev: string): string {
  let digest = digests.get(rev);
  if (digest === undefined) {
    try {
      digest = foldDigest(revision(rev));
    } catch {
      digest = 'none';
    }
    digests.set(rev, digest);
  }
  return digest;
}

const i = process.argv.indexOf('--since');
const since = i >= 0 ? process.argv[i + 1] : undefined;
// each commit with its first parent ('' for the first commit)
const revs = git(
  'log',
  '--format=%H %P',
  ...(since ? [`--since=${since}`] : []),
  '--',
  'src/domain',
)
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split(' '));
let domain = 0;
let fold = 0;
for (const [rev = '', parent = ''] of revs) {
  // (--root: the first commit counts against an empty tree)
  const changed = git(
    'diff-tree',
    '--root',
    '--no-commit-id',
    '--name-only',
    '-r',
    rev,
    '--',
    'src/domain',
  )
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  if (changed.length === 0) continue;
  domain++;
  if (digestAt(rev) !== (parent ? digestAt(parent) : 'none')) fold++;
}
console.log(
  `${domain} commits${since ? ` since ${since}` : ''} changed the domain's code; ${fold} of them the fold's (and so its digest)`,
);
