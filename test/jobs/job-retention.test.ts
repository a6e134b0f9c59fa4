import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobEventRecord, JobRecord, JobTargetRecord } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase, type Orm } from '../../db/orm.js';
import { JobRetention } from '../../api/jobs/job-retention.js';
import { createLogger } from '../../api/logger.js';
import { LogSink } from '../helpers/test-server.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

describe.each(databaseKinds())('job retention on $name', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  beforeAll(async () => {
    db = await kind.create();
    orm = await openDatabase(db.url);
    await migrateDatabase(orm);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('deletes only jobs finished before the cutoff, with their targets and events', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const em = orm.em.fork();
    const make = (finishedAt: Date | null) => em.create(JobRecord, { kind: 'SHELL', command: 'true', env: {}, args: {}, timeoutSeconds: 60, hostPatterns: [], batchSize: 1, queueForSeconds: 60, status: finishedAt ? 'COMPLETED' : 'RUNNING', createdBy: 'admin', createdAt: new Date('2026-01-01T00:00:00Z'), finishedAt, lastSeq: 1 });
    const old = make(new Date('2026-01-02T00:00:00Z'));
    const recent = make(new Date('2026-05-30T00:00:00Z'));
    const running = make(null);
    await em.flush();
    for (const job of [old, recent, running]) {
      em.create(JobTargetRecord, { jobId: job.id, hostId: 1, hostName: 'h', status: 'SUCCEEDED', attempts: 1, queueDeadline: now, stdoutTruncated: false, stderrTruncated: false });
      em.create(JobEventRecord, { jobId: job.id, seq: 1, at: now, type: 'JOB', status: 'RUNNING', data: {} });
    }
    await em.flush();
    const deleted = await new JobRetention(orm, 90, createLogger('silent', new LogSink()), () => now).runOnce();
    expect(deleted).toBe(1);
    const check = orm.em.fork();
    expect((await check.find(JobRecord, {})).map((j) => j.id).sort()).toEqual([recent.id, running.id].sort());
    expect(await check.count(JobTargetRecord, { jobId: old.id })).toBe(0);
    expect(await check.count(JobEventRecord, { jobId: old.id })).toBe(0);
    expect(await check.count(JobTargetRecord, { jobId: recent.id })).toBe(1);
  });
});
