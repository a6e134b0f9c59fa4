/** The production {@link RunCommand}: runs a system tool without a shell and never rejects. */
import { execFile } from 'node:child_process';

import { type RunCommand, type RunResult } from './service-plan.js';

/** systemctl and sc.exe return quickly; a hung one must not hang the installer. */
export const SYSTEM_COMMAND_TIMEOUT_MS = 60_000;

/** Output kept per stream; error messages quote only the tail. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

export const runSystemCommand: RunCommand = (cmd, args) =>
  new Promise<RunResult>((resolve) => {
    execFile(cmd, [...args], { timeout: SYSTEM_COMMAND_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) return resolve({ code: 0, stdout, stderr });
      // A numeric code is the exit status; a string code (ENOENT, ETIMEDOUT...) means it never ran or was killed.
      const code = typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr: stderr || error.message });
    });
  });
