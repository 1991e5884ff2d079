/**
 * Waits for `work` at most `ms` milliseconds, then goes on without it (its result or failure is
 * dropped): for shutdown steps such as UNLISTEN on a connection that may be stuck, which must
 * never hold up a close.
 */
export async function waitAtMost(work: Promise<unknown> | undefined, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  try {
    await Promise.race([work?.then(() => undefined), bound]);
  } finally {
    clearTimeout(timer);
  }
}
