/**
 * Executes a {@link ServicePlan} step by step, and describes one for `--dry-run`.
 * This is the I/O edge of the installer: the planners decide, this file does.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';

import { ServiceError } from './service-error.js';
import { type RunCommand, type RunStep, type ServicePlan, type ServiceStep } from './service-plan.js';
import { quoteWindowsArg } from './windows-command-line.js';

/** How much of a failed command's output goes into the error message. */
const OUTPUT_TAIL_CHARS = 800;

/**
 * Runs every step in order and stops at the first failure.
 *
 * @throws ServiceError `COMMAND_FAILED` (or the step's known failure code) when a command
 *   exits with a code not in `okCodes`; `FILE_IO` when a file step fails.
 */
export async function executeSteps(steps: readonly ServiceStep[], run: RunCommand): Promise<void> {
  for (const step of steps) {
    if (step.kind === 'run') await runStep(step, run);
    else await fileStep(step);
  }
}

async function runStep(step: RunStep, run: RunCommand): Promise<void> {
  const result = await run(step.cmd, step.args);
  if ((step.okCodes ?? [0]).includes(result.code)) return;
  const output = `${result.stderr}\n${result.stdout}`.trim().slice(-OUTPUT_TAIL_CHARS);
  const what = [step.cmd, ...step.args].join(' ');
  const status = result.code === -1 ? 'could not be run' : `exited with code ${result.code}`;
  throw new ServiceError(step.knownFailures?.[result.code] ?? 'COMMAND_FAILED', `${what} ${status}${output === '' ? '' : `: ${output}`}`);
}

async function fileStep(step: Exclude<ServiceStep, RunStep>): Promise<void> {
  try {
    if (step.kind === 'mkdir') {
      await mkdir(step.path, { recursive: true, mode: step.mode });
    } else if (step.kind === 'write') {
      // Written beside and renamed over, so systemd never reads half a unit.
      const temp = `${step.path}.tmp-${process.pid}`;
      await writeFile(temp, step.content, { mode: step.mode });
      await rename(temp, step.path);
    } else {
      await rm(step.path, { force: true });
    }
  } catch (cause) {
    throw new ServiceError('FILE_IO', `${step.kind} ${step.path}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * The plan as text an operator can read and, for the commands, paste: POSIX shell quoting on
 * Linux, cmd.exe / MSVC quoting on Windows. Files are printed whole.
 */
export function describePlan(plan: ServicePlan): string[] {
  const quote = plan.platform === 'win32' ? quoteWindowsArg : quotePosixArg;
  const lines: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'mkdir') lines.push(`# create directory ${step.path} (mode ${formatMode(step.mode)}) if missing`);
    else if (step.kind === 'remove') lines.push(`# remove ${step.path}`);
    else if (step.kind === 'write') {
      lines.push(`# write ${step.path} (mode ${formatMode(step.mode)}):`);
      lines.push(...step.content.replace(/\n$/, '').split('\n').map((line) => `    ${line}`));
    } else {
      const tolerated = (step.okCodes ?? [0]).filter((code) => code !== 0);
      const note = tolerated.length === 0 ? '' : `    # exit codes ${tolerated.join(', ')} are fine`;
      lines.push(`${[step.cmd, ...step.args].map(quote).join(' ')}${note}`);
    }
  }
  return lines;
}

/** Single-quotes a word for a POSIX shell when it has anything but safe characters. */
export function quotePosixArg(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

function formatMode(mode: number): string {
  return `0${mode.toString(8)}`;
}
