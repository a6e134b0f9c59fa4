import { describe, expect, it } from 'vitest';
import { createSchemaFromEntities, describeSchema, migrateDatabase, openDatabase } from '../../db/orm.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds())('migrations on $name', (kind) => {
  it('build the same schema the entities describe, and are idempotent; a test database gets that schema too', async () => {
    const migratedDb = await kind.create({ empty: true });
    const entityDb = await kind.create({ empty: true });
    // What every other test gets: empty for SQLite, a copy of the migrated template for MySQL.
    const testDb = await kind.create();
    const migrated = await openDatabase(migratedDb.url);
    const fromEntities = await openDatabase(entityDb.url);
    const test = await openDatabase(testDb.url);
    try {
      expect((await migrateDatabase(migrated)).length).toBeGreaterThan(0);
      expect(await migrateDatabase(migrated)).toEqual([]);
      await createSchemaFromEntities(fromEntities);
      const expected = await describeSchema(fromEntities);
      expect(Object.keys(expected)).toContain('users');
      expect(await describeSchema(migrated)).toEqual(expected);
      // The template's copy has every migration recorded, so none runs on it.
      expect((await migrateDatabase(test)).length > 0).toBe(kind.name === 'sqlite');
      expect(await describeSchema(test)).toEqual(expected);
    } finally {
      await migrated.close(true);
      await fromEntities.close(true);
      await test.close(true);
      await migratedDb.drop();
      await entityDb.drop();
      await testDb.drop();
    }
  });
});
