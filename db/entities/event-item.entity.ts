import { EntitySchema } from '@mikro-orm/core';
import type { EventCountSource } from './event-day-count.entity.js';

/**
 * The items (process, cron entry, resource) `event_day_counts` counts, each stored once per
 * source and referred to by id, so the counts' keys are numbers: a report's GROUP BY over them
 * stays in an in-memory hash (MariaDB's in-memory temporary tables store a VARCHAR(512) at its
 * full width and move to disk past `tmp_table_size`).
 */
export class EventItemRecord {
  id!: number;
  source!: EventCountSource;
  item!: string;
}

export const EventItemSchema = new EntitySchema<EventItemRecord>({
  class: EventItemRecord,
  tableName: 'event_items',
  uniques: [{ properties: ['source', 'item'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    source: { type: 'string', length: 16 },
    item: { type: 'string', length: 512 },
  },
});
