/**
 * How the hub's data folder is doing, as GET /api/health tells it and the manager's board
 * shows it. One shape for the hub that writes it and the screens that read it.
 */
export type DiskProblem = 'full' | 'readOnly' | 'failing';

export interface DiskStatus {
  readonly ok: boolean;
  /** What kind of trouble, when not ok. */
  readonly problem?: DiskProblem;
  /** The system's error code of the last failure (ENOSPC, EROFS, EIO...). */
  readonly code?: string;
  /** Writes of events and of the device list that failed since the hub started. */
  readonly failedWrites: number;
  /** When writes started failing (ISO time), when not ok. */
  readonly since?: string;
}

export function diskProblem(code: string | undefined): DiskProblem {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'readOnly';
  return 'failing';
}

/** Plain words for the log and the health answer (English: operators read these). */
export function describeDiskProblem(problem: DiskProblem): string {
  if (problem === 'full') return 'the disk is full';
  if (problem === 'readOnly') return 'the data folder is read-only';
  return 'the disk fails to write';
}

const PROBLEMS: readonly string[] = ['full', 'readOnly', 'failing'] satisfies DiskProblem[];

/**
 * The data folder's trouble from a /api/health answer (any JSON), or undefined when it is
 * fine or the answer says nothing about it (an older hub).
 */
export function diskTrouble(body: unknown): DiskProblem | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const disk = (body as { disk?: unknown }).disk;
  if (typeof disk !== 'object' || disk === null) return undefined;
  const { ok, problem } = disk as { ok?: unknown; problem?: unknown };
  if (ok !== false) return undefined;
  return typeof problem === 'string' && PROBLEMS.includes(problem)
    ? (problem as DiskProblem)
    : 'failing';
}
