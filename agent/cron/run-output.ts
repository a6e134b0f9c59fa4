/** Combining and capping what a cron run printed. */

/** @default cap on a run record's `output` */
export const DEFAULT_MAX_RUN_OUTPUT_BYTES = 64 * 1024;

/**
 * stdout followed by stderr, keeping the last `maxBytes` bytes (the end of a failing job's
 * output is what explains it). A character cut in two at the cut is dropped.
 */
export function capRunOutput(stdout: string, stderr: string, maxBytes: number): { output: string; truncated: boolean } {
  const combined = stdout !== '' && stderr !== '' ? `${stdout}${stdout.endsWith('\n') ? '' : '\n'}${stderr}` : stdout + stderr;
  const bytes = Buffer.from(combined, 'utf8');
  if (bytes.length <= maxBytes) return { output: combined, truncated: false };
  let start = bytes.length - maxBytes;
  // Skip UTF-8 continuation bytes so the kept tail starts on a character boundary.
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start += 1;
  return { output: bytes.subarray(start).toString('utf8'), truncated: true };
}
