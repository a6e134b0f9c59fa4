import { execFile } from 'node:child_process';

/** Runs a program and resolves with its standard output. */
export type RunProgram = (file: string, args: readonly string[], options: { timeoutMs: number }) => Promise<string>;

/** How long `chcp` may take before the code page is reported as unknown. @default 3000 */
export const CHCP_TIMEOUT_MS = 3_000;

/** Production {@link RunProgram}: `execFile` with a timeout and no console window. */
export const runProgram: RunProgram = (file, args, { timeoutMs }) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: timeoutMs, windowsHide: true, encoding: 'latin1' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });

/**
 * The code page number in `chcp` output. The text around it is localised
 * (`Active code page: 65001`, `Aktive Codepage: 850.`, `활성 코드 페이지: 949`), so take the
 * last number. Pure; `undefined` when there is none.
 */
export function parseChcpOutput(output: string): string | undefined {
  const match = /(\d{1,5})\D*$/.exec(output.trim());
  return match?.[1];
}

/** The console code page of this Windows host via `chcp`, or `undefined` if that fails. */
export async function readWindowsCodePage(run: RunProgram = runProgram): Promise<string | undefined> {
  try {
    return parseChcpOutput(await run('cmd.exe', ['/d', '/c', 'chcp'], { timeoutMs: CHCP_TIMEOUT_MS }));
  } catch {
    return undefined;
  }
}
