import type { Writable } from 'node:stream';

/**
 * Standard output and error of the `nextup` command. Into a pipe (`nextup replay log | wc -l`)
 * Node writes asynchronously: what the reader has not taken yet waits in the stream, and
 * `process.exit` drops it. So every write goes through here, and the command exits only once
 * both streams drained (`finish`). A reader that goes away (`| head -1`) is not an error: the
 * rest of the output is dropped quietly instead of crashing on EPIPE.
 */
export interface ProcessStdio {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Resolves, once everything written so far was handed to the OS (or its reader is gone),
   * with the exit code: `code`, or 1 when the output could not be written.
   */
  finish(code: number): Promise<number>;
}

export function processStdio(
  out: Writable = process.stdout,
  err: Writable = process.stderr,
): ProcessStdio {
  const gone = new Set<Writable>();
  let failure: string | undefined;
  for (const s of [out, err]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      gone.add(s);
      // the reader closed its end: nothing more can be delivered, and nothing is wrong here
      if (s === out && e.code !== 'EPIPE') failure ??= e.code ?? e.message;
    });
  }
  const write = (s: Writable, text: string): void => {
    if (gone.has(s) || s.destroyed) return;
    try {
      s.write(text);
    } catch (e) {
      // a file on a full disk fails at once (files are written synchronously)
      gone.add(s);
      if (s === out) failure ??= (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  };
  const drained = (s: Writable): Promise<void> =>
    new Promise((resolve) => {
      if (gone.has(s) || s.destroyed || s.writableLength === 0) return resolve();
      // writes complete in order: the callback of an empty one runs after all earlier ones
      s.write('', () => resolve());
    });
  return {
    stdout: (text) => write(out, text),
    stderr: (text) => write(err, text),
    async finish(code) {
      await drained(out);
      if (failure !== undefined) {
        write(err, `nextup: cannot write the output: ${failure}\n`);
        code = code === 0 ? 1 : code;
      }
      await drained(err);
      return code;
    },
  };
}
