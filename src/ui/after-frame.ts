/** A hidden page draws no frames: what waits for one runs anyway this long after. */
const HIDDEN_PAGE_MS = 100;

/**
 * Runs `done` once the browser has drawn its next frame (a frame's callbacks run before it is
 * drawn: a task queued in one runs after it), or after 100 ms on a hidden page. Returns a
 * function that cancels it.
 */
export function afterFrame(done: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    clearTimeout(timer);
    done();
  };
  const frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = setTimeout(run, 0);
  });
  timer = setTimeout(run, HIDDEN_PAGE_MS);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
