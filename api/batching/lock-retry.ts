/** MySQL's "deadlock found" (1213) and "lock wait timeout" (1205): the statement may simply run again. */
function isLockConflict(err: unknown): boolean {
  const e = err as { errno?: number; code?: string; cause?: { errno?: number } };
  const errno = e?.errno ?? e?.cause?.errno;
  return errno === 1213 || errno === 1205 || e?.code === 'ER_LOCK_DEADLOCK';
}

/** Runs `work`, again (up to 3 times, after a short random pause) when InnoDB picked it as a deadlock victim. */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (i >= attempts || !isLockConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
    }
  }
}
