/**
 * How long a command runs before the agent reports it started. A command that ends sooner sends
 * only its result, which carries its start time: the server stores it SENT → final directly, as
 * it does when a start and its result arrive in one batch. A quick command (most of a broadcast:
 * `echo`, `uptime`, a package query) so costs one report instead of two — one WebSocket frame in
 * and two out fewer per target, and no RUNNING row update or event. A longer one is RUNNING on
 * the server once the window has passed, as before. @default 1 s
 */
export const START_REPORT_GRACE_MS = 1_000;

/**
 * Start reports held back for {@link START_REPORT_GRACE_MS}: `started` arms one per command id,
 * `finished` drops it if it has not gone out. Used by the agent's command handler and by the
 * fleet simulator's agents (test/bench/fleet/), so both send what a real agent sends.
 */
export class DeferredStarts {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly report: (id: string, attempt: number | undefined) => void,
    private readonly graceMs: number = START_REPORT_GRACE_MS,
  ) {}

  /** The command's process started: report it unless it finishes within the window. */
  started(id: string, attempt: number | undefined): void {
    clearTimeout(this.pending.get(id));
    const timer = setTimeout(() => {
      this.pending.delete(id);
      this.report(id, attempt);
    }, this.graceMs);
    timer.unref?.();
    this.pending.set(id, timer);
  }

  /** The command ended (its result follows): a start not yet reported is not reported at all. */
  finished(id: string): void {
    clearTimeout(this.pending.get(id));
    this.pending.delete(id);
  }
}
