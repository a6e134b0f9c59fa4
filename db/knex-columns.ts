import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { Knex } from '@mikro-orm/knex';

/** An entity's table and unquoted column names for knex (which quotes them itself). */
export interface KnexColumns<T> {
  readonly knex: Knex;
  readonly table: string;
  readonly col: (prop: keyof T & string) => string;
}

/**
 * Table and column names from the ORM's metadata, for reads the ORM cannot express or would
 * hydrate too slowly (thousands of rows as plain objects instead of entities).
 */
export function knexColumns<T extends object>(em: EntityManager, entity: abstract new () => T): KnexColumns<T> {
  const meta = em.getMetadata().get<T>(entity.name);
  const props = meta.properties as Partial<Record<string, { fieldNames: string[] }>>;
  return {
    knex: (em.getConnection() as AbstractSqlConnection).getKnex(),
    table: meta.tableName,
    col: (prop) => {
      const field = props[prop]?.fieldNames[0];
      if (!field) throw new Error(`${entity.name} has no column for ${prop}`);
      return field;
    },
  };
}
