import { describe, expect, it } from 'vitest';
import { createSchemaFromEntities, describeSchema, migrateDatabase, openDatabase } from '../../db/orm.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds())('migrations on $name', (kind) => {
  it('build the same schema the entities describe, and are idempotent', async () => {
    const migratedDb = await kind.create();
    const entityDb = await kind.create();
    const migrated = await openDatabase(migratedDb.url);
    const fromEntities = await openDatabase(entityDb.url);
    try {
      expect((await migrateDatabase(migrated)).length).toBeGreaterThan(0);
      expect(await migrateDatabase(migrated)).toEqual([]);
      await createSchemaFromEntities(fromEntities);
      const expected = await describeSchema(fromEntities);
      expect(Object.keys(expected)).toContain('users');
      expect(await describeSchema(migrated)).toEqual(expected);
    } finally {
      await migrated.close(true);
      await fromEntities.close(true);
      await migratedDb.drop();
      await entityDb.drop();
    }
  });
});
