/**
 * The terminal side of `ioms rollout status --watch` (I/O edge): the graphql-ws stream, the
 * output (a redrawn table on a TTY, one line per changed row otherwise, one JSON object per
 * changed row with `-o json`), Ctrl-C, and the exit status.
 *
 * Exit statuses: 0 converged (or a plain watch ended by Ctrl-C or `--timeout`), 1 timed out
 * waiting for convergence or the stream failed, 130 Ctrl-C while waiting with `--until-converged`.
 */
import type { ApiClient } from '../api-client.js';
import { formatData, writeErr, type OutputFormat } from '../output.js';
import { escapeQuotedControls, sanitizeTerminalText } from '../terminal-text.js';
import { ROLLOUT_STATUS, type HostRolloutWire, type RolloutStatusWire } from './manifest-wire.js';
import { createRolloutEventsClient } from './rollout-events-client.js';
import { renderRolloutTable, rolloutChangeLine, rolloutCountLine, rolloutDetail, type RolloutView } from './rollout-view.js';
import { describeStreamError } from '../jobs/job-event-stream.js';
import { CliError } from '../errors.js';
import { watchRollout } from './watch-rollout.js';

export const EXIT_ROLLOUT_INTERRUPTED = 130;

/** A TTY redraw at most this often: a fleet-wide apply sends thousands of rows. */
const REDRAW_INTERVAL_MS = 250;
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

export interface FollowRolloutOptions {
  readonly client: ApiClient;
  readonly server: string;
  readonly token: string;
  readonly caFile?: string;
  readonly insecure?: boolean;
  readonly format: OutputFormat;
  readonly selector?: string;
  readonly untilConverged: boolean;
  readonly timeoutMs?: number;
  /** @default process.stdout */
  readonly out?: NodeJS.WriteStream;
}

export function fetchRolloutStatus(client: ApiClient, selector: string | undefined): Promise<RolloutStatusWire> {
  return client.request<{ rolloutStatus: RolloutStatusWire }>(ROLLOUT_STATUS, { selector }).then((d) => d.rolloutStatus);
}

function rowText(format: OutputFormat, row: HostRolloutWire): string {
  return format === 'json' ? `${escapeQuotedControls(JSON.stringify(row))}\n` : `---\n${formatData('yaml', row)}`;
}

/** Watches until converged, timeout or Ctrl-C; sets `process.exitCode` or throws a CliError. */
export async function followRollout(o: FollowRolloutOptions): Promise<void> {
  const stream = o.out ?? process.stdout;
  // Agent-written text (details) shown as text; only the CLI's own clear-screen is sent raw.
  const out = { isTTY: stream.isTTY, write: (text: string) => stream.write(sanitizeTerminalText(text)) };
  const tty = o.format === 'table' && Boolean(out.isTTY);
  const events = createRolloutEventsClient({ server: o.server, token: o.token, caFile: o.caFile, insecure: o.insecure });
  let latest: RolloutView | undefined;
  let first = true;
  let linesSinceTable = false;
  let redraw: NodeJS.Timeout | undefined;
  const draw = (final = false) => {
    redraw = undefined;
    const hint = final ? '' : `${o.untilConverged ? 'waiting until every online host converges · ' : ''}Ctrl-C to stop\n`;
    if (latest) stream.write(`${CLEAR_SCREEN}${sanitizeTerminalText(`${renderRolloutTable(latest)}${hint}`)}`);
  };
  const onView = (view: RolloutView, changed: readonly HostRolloutWire[]) => {
    latest = view;
    if (o.format !== 'table') for (const row of changed) out.write(rowText(o.format, row));
    else if (tty) redraw ??= setTimeout(() => draw(), first ? 0 : REDRAW_INTERVAL_MS);
    else if (first) out.write(renderRolloutTable(view));
    else {
      for (const row of changed) out.write(`${rolloutChangeLine(row)}\n`);
      linesSinceTable = true;
    }
    first = false;
  };
  const watcher = watchRollout({
    fetchStatus: () => fetchRolloutStatus(o.client, o.selector),
    subscribe: events.subscribe,
    selector: o.selector,
    onView,
    untilConverged: o.untilConverged,
    timeoutMs: o.timeoutMs,
    onRetry: (attempt, err) => {
      if (attempt === 1 || attempt % 3 === 0) writeErr(`ioms: rollout stream interrupted (${describeStreamError(err)}); reconnecting\n`);
    },
  });
  const onSigint = () => watcher.stop();
  process.once('SIGINT', onSigint);
  try {
    const outcome = await watcher.done;
    clearTimeout(redraw);
    // The final state: redrawn without the hint on a TTY; a counts line after change lines otherwise.
    if (tty) draw(true);
    else if (latest && linesSinceTable) out.write(`${rolloutCountLine(latest)}\n`);
    if (outcome === 'stopped' && o.untilConverged) process.exitCode = EXIT_ROLLOUT_INTERRUPTED;
    if (outcome === 'timeout' && o.untilConverged) {
      const waiting = latest ? latest.notConverged() : [];
      const shown = waiting.slice(0, 10).map((h) => `${h.host} ${h.status.toLowerCase()}${rolloutDetail(h, false) ? ` (${rolloutDetail(h, false)})` : ''}`);
      const more = waiting.length > shown.length ? `, and ${waiting.length - shown.length} more` : '';
      throw new CliError(`timed out: ${waiting.length} online host(s) not converged: ${shown.join(', ')}${more}`);
    }
  } finally {
    clearTimeout(redraw);
    process.removeListener('SIGINT', onSigint);
    await events.dispose();
  }
}
