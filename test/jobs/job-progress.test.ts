import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendJobEvents } from '../../api/jobs/job-events.js';
import { jobProgress } from '../../api/jobs/job-progress.js';
import { MAX_PENDING_EVENTS } from '../../api/pubsub/pubsub.js';
import { JobRecord } from '../../db/entities/index.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * A subscriber that falls far behind (its live buffer overflows and drops the oldest events)
 * still gets every event once and in order, the job's end last: the gap is read back from the
 * stored log, a page at a time.
 */
describe.each(databaseKinds())('jobProgressed for a subscriber far behind ($name)', (kind) => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await kind.create();
    server = await startTestServer(db.url);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('misses nothing of a gap of several pages, and sees the end', async () => {
    const services = server.services;
    const em = services.orm.em.fork();
    // Already finished, so the dispatcher leaves it alone (the stream does not care about its status).
    const job = em.create(JobRecord, { kind: 'SHELL', command: 'true', env: {}, args: {}, timeoutSeconds: 60, hostPatterns: [], batchSize: 1, queueForSeconds: 60, status: 'COMPLETED', createdBy: 'admin', createdAt: new Date(), finishedAt: new Date(), lastSeq: 0 });
    await em.flush();
    const stream = jobProgress(services, job.id, 0);
    // The first pull attaches the live listener, reads the (empty) log and waits for a live event.
    const first = stream.next();
    const total = MAX_PENDING_EVENTS * 3 + 7;
    for (let i = 0; i < total; i += 500) {
      const n = Math.min(500, total - i);
      await appendJobEvents(services.orm.em.fork(), services.pubsub, job.id, Array.from({ length: n }, (_, k) => ({ at: new Date(), type: 'TARGET' as const, hostName: `h${i + k}`, status: 'SUCCEEDED', data: {} })));
    }
    await appendJobEvents(services.orm.em.fork(), services.pubsub, job.id, [{ at: new Date(), type: 'JOB', hostName: null, status: 'COMPLETED', data: { finished: true } }]);
    const seqs: number[] = [];
    let r = await first;
    for (;;) {
      if (r.done) break;
      seqs.push(r.value.seq);
      if (r.value.type === 'JOB') break;
      r = await stream.next();
    }
    await stream.return(undefined);
    expect(seqs).toEqual(Array.from({ length: total + 1 }, (_, i) => i + 1));
  });
});
