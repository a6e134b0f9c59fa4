import { JsonType, type Platform, type TransformContext } from '@mikro-orm/core';

/**
 * JSON that reads back as a value on MySQL, MariaDB and SQLite alike. MariaDB stores JSON as
 * LONGTEXT and mysql2 hands it over as a string, while MikroORM's MySQL platform assumes the
 * driver already parsed it; so strings are parsed here. IOMS stores only objects and arrays
 * in JSON columns, so a string read back is always serialized JSON.
 */
export class JsonColumnType extends JsonType {
  override convertToJSValue(value: string | unknown, platform: Platform, context?: TransformContext): unknown {
    if (typeof value === 'string') {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    }
    return super.convertToJSValue(value as string, platform, context);
  }
}
