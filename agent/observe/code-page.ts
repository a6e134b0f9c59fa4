import { readWindowsCodePage, type RunProgram } from './code-page.win32.js';

export interface ReadCodePageOptions {
  /** @default process.platform */
  platform?: string;
  /** Test seam for running `chcp`. @default execFile with a timeout */
  run?: RunProgram;
}

/**
 * The host's code page, which only Windows has (its console code page, e.g. `65001`, `949`).
 * Resolves `undefined` on every other platform and when `chcp` fails; never rejects.
 */
export async function readCodePage({ platform = process.platform, run }: ReadCodePageOptions = {}): Promise<string | undefined> {
  return platform === 'win32' ? readWindowsCodePage(run) : undefined;
}
