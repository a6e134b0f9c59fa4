import type { EntityProperty, MikroORM } from '@mikro-orm/core';

/** A quoted table name and a function from property name to quoted column name. */
export interface SqlNames<T> {
  readonly table: string;
  readonly col: (prop: keyof T & string) => string;
}

/**
 * Names for hand-written SQL, taken from the ORM's metadata so they follow the entity
 * definitions and naming strategy instead of being spelled out twice.
 */
export function sqlNames<T extends object>(orm: MikroORM, entity: abstract new () => T): SqlNames<T> {
  const meta = orm.getMetadata().get<T>(entity.name);
  const properties = meta.properties as Partial<Record<string, EntityProperty<T>>>;
  const platform = orm.em.getPlatform();
  return {
    table: platform.quoteIdentifier(meta.tableName),
    col: (prop) => {
      const field = properties[prop]?.fieldNames[0];
      if (!field) throw new Error(`sqlNames: ${meta.className} has no column for "${prop}"`);
      return platform.quoteIdentifier(field);
    },
  };
}
