import type { Services } from '../services.js';
import { notFound } from '../errors.js';
import { eventView, eventsAfter, jobProgressTopic } from './job-events.js';
import type { JobEventType } from './job.type.js';

/** Events per read of the stored log (catch-up and gap fill). */
const PAGE = 1000;

/**
 * The `jobProgressed` stream: events after `afterSeq` from the database, then live ones, in
 * order, without gaps or duplicates. The live listener is attached before the database is read,
 * and anything live at or below the last stored seq is dropped.
 */
export async function* jobProgress(services: Services, jobId: number, afterSeq: number): AsyncGenerator<JobEventType> {
  const em = services.orm.em.fork();
  if (!(await services.jobs.exists(em, jobId))) throw notFound(`no job ${jobId}`);
  const live = services.pubsub.subscribe(jobProgressTopic(jobId))[Symbol.asyncIterator]();
  try {
    let last = afterSeq;
    for (;;) {
      const stored = await eventsAfter(em, jobId, last, PAGE);
      for (const e of stored) {
        last = e.seq;
        yield eventView(e);
      }
      if (stored.length < PAGE) break;
    }
    for (;;) {
      const next = await live.next();
      if (next.done) return;
      const event = next.value as JobEventType;
      if (event.seq <= last) continue;
      // Missed some (a slow subscriber's buffer overflowed): fill the gap from the database, a
      // page at a time (a gap of 30,000 events is not read, parsed and held all at once).
      while (event.seq > last + 1) {
        const page = await eventsAfter(em, jobId, last, Math.min(PAGE, event.seq - last - 1));
        if (page.length === 0) break;
        for (const e of page) {
          last = e.seq;
          yield eventView(e);
        }
      }
      last = event.seq;
      yield event;
    }
  } finally {
    await live.return?.();
  }
}
