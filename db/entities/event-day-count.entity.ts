import { BigIntType, EntitySchema } from '@mikro-orm/core';

/**
 * Event tables the reports count per host and UTC day, declared once: restarts and changes read
 * `restart`, the cron report `cron`, the changes report `change` (see api/metrics/event-count-sources.ts).
 */
export const EVENT_COUNT_SOURCES = ['restart', 'cron', 'change'] as const;
export type EventCountSource = (typeof EVENT_COUNT_SOURCES)[number];

/**
 * How many events of one source a host had on one UTC day per item (process, cron entry, resource)
 * and status, and when the newest of them happened: what the restarts, cron and changes reports
 * read for whole days instead of the raw rows. Kept by the metrics maintenance chore
 * (api/metrics/event-count-rollup.service.ts), which adds the events written since its last pass.
 *
 * The primary key leads with source and day, so a report's days are one contiguous range of the
 * clustered index (InnoDB) and the read needs no other index; its other parts are numbers but the
 * short status, so grouping them stays in memory (see event-item.entity.ts).
 */
export class EventDayCountRecord {
  source!: EventCountSource;
  dayStartMs!: number;
  hostId!: number;
  /** The process, cron entry or resource (`event_items`). */
  itemId!: number;
  /** The status, or for changes `KIND|OUTCOME`. */
  status!: string;
  count!: number;
  /** The newest event's time (epoch ms). */
  lastMs!: number;
}

export const EventDayCountSchema = new EntitySchema<EventDayCountRecord>({
  class: EventDayCountRecord,
  tableName: 'event_day_counts',
  properties: {
    source: { type: 'string', length: 16, primary: true },
    dayStartMs: { type: new BigIntType('number'), primary: true },
    hostId: { type: 'integer', primary: true },
    itemId: { type: 'integer', primary: true },
    status: { type: 'string', length: 40, primary: true },
    count: { type: 'integer' },
    lastMs: { type: new BigIntType('number') },
  },
});
