import type { Services } from '../services.js';
import { notFound } from '../errors.js';
import { eventView, eventsAfter, jobProgressTopic } from './job-events.js';
import type { JobEventType } from './job.type.js';

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
      const stored = await eventsAfter(em, jobId, last, 1000);
      for (const e of stored) {
        last = e.seq;
        yield eventView(e);
      }
      if (stored.length < 1000) break;
    }
    for (;;) {
      const next = await live.next();
      if (next.done) return;
      const event = next.value as JobEventType;
      if (event.seq <= last) continue;
      if (event.seq > last + 1) {
        // Missed some (a slow subscriber's buffer overflowed): fill the gap from the database.
        for (const e of await eventsAfter(em, jobId, last, event.seq - last - 1)) {
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
