/**
 * The one-line live progress display of `ioms exec` on a terminal (stderr):
 *
 *   [##########..........]  12/24 done · 2 failed · 7s
 *
 * `renderProgressLine` is pure; `createProgressBar` draws it with a carriage return, at most
 * every `minIntervalMs`, and erases it before the results are printed.
 */
import { formatElapsed } from './result-groups.js';

export interface ProgressView {
  readonly done: number;
  readonly total: number;
  readonly failed: number;
  readonly elapsedMs: number;
  /** Shown when not RUNNING, e.g. `paused`. */
  readonly jobStatus?: string;
}

/** @default width 80 columns */
export function renderProgressLine(view: ProgressView, width = 80): string {
  const counts = `${view.done}/${view.total} done`;
  const facts = [counts, view.failed ? `${view.failed} failed` : null, view.jobStatus && view.jobStatus !== 'RUNNING' ? view.jobStatus.toLowerCase() : null, formatElapsed(view.elapsedMs)]
    .filter(Boolean)
    .join(' · ');
  const barWidth = Math.max(0, Math.min(30, width - facts.length - 5));
  if (barWidth < 5) return facts.slice(0, Math.max(0, width - 1));
  const filled = view.total > 0 ? Math.floor((view.done / view.total) * barWidth) : barWidth;
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]  ${facts}`;
}

export interface ProgressBarOptions {
  readonly write: (s: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default 80 */
  readonly width?: () => number;
  /** @default 100 */
  readonly minIntervalMs?: number;
}

export interface ProgressBar {
  /** Redraws when the line changed (the elapsed time counts), at most every `minIntervalMs`. */
  update(view: Omit<ProgressView, 'elapsedMs'>): void;
  /** Erases the line (call before printing anything else). `write` gets each line's text, or '' to erase. */
  clear(): void;
}

export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const now = options.now ?? Date.now;
  const started = now();
  const minInterval = options.minIntervalMs ?? 100;
  let lastDrawAt = -Infinity;
  let lastLine = '';
  return {
    update(view) {
      const t = now();
      const line = renderProgressLine({ ...view, elapsedMs: t - started }, options.width?.() ?? 80);
      if (line === lastLine || t - lastDrawAt < minInterval) return;
      options.write(line);
      lastDrawAt = t;
      lastLine = line;
    },
    clear() {
      if (lastLine) options.write('');
      lastLine = '';
    },
  };
}
