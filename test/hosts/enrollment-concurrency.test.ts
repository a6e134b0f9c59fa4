import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollmentTokenRecord, HostRecord } from '../../db/entities/index.js';
import { migrateDatabase, openDatabase, type Orm } from '../../db/orm.js';
import { EnrollmentRefused, EnrollmentService } from '../../api/hosts/enrollment.service.js';
import { databaseKinds, type TestDatabase } from '../helpers/databases.js';

/**
 * Enrollments racing for one token: every use is counted (no read-modify-write of `uses`), and
 * no more hosts enroll than the token allows.
 */
describe.each(databaseKinds())('concurrent enrollments on $name', (kind) => {
  let db: TestDatabase;
  let orm: Orm;
  const service = new EnrollmentService();
  beforeAll(async () => {
    db = await kind.create();
    orm = await openDatabase(db.url);
    await migrateDatabase(orm);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it.each([
    { name: 'fewer racers than uses: every use counted', maxUses: 20, racers: 12, enrolled: 12 },
    { name: 'more racers than uses: exactly maxUses enroll', maxUses: 5, racers: 12, enrolled: 5 },
  ])('$name', async ({ name, maxUses, racers, enrolled }) => {
    const prefix = name.split(' ')[0]!;
    const { token, record } = await service.createToken(orm.em.fork(), { maxUses, createdBy: 'admin' });
    const outcomes = await Promise.allSettled(Array.from({ length: racers }, (_, i) => service.enroll(orm.em.fork(), { token, name: `${prefix}-${i}` }, '127.0.0.1')));
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(ok).toHaveLength(enrolled);
    for (const r of refused) expect(r.reason).toBeInstanceOf(EnrollmentRefused);
    const em = orm.em.fork();
    expect((await em.findOneOrFail(EnrollmentTokenRecord, { id: record.id })).uses).toBe(enrolled);
    expect(await em.count(HostRecord, { enrolledWith: record.id })).toBe(enrolled);
  });
});
