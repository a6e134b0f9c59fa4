import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { EventCountSource } from './event-day-count.entity.js';

/**
 * How far `event_day_counts` has counted one source: every row with `id ≤ countedId` is in the
 * counts, none after it. `seenId` is the highest id the previous pass saw; the next pass counts up
 * to it, so a row is counted one pass after it was written (see api/metrics/event-count-rollup.service.ts).
 */
export class EventCountMarkRecord {
  source!: EventCountSource;
  countedId!: number;
  seenId!: number;
}

export const EventCountMarkSchema = new EntitySchema<EventCountMarkRecord>({
  class: EventCountMarkRecord,
  tableName: 'event_count_marks',
  properties: {
    source: { type: 'string', length: 16, primary: true },
    countedId: { type: new BigIntType('number') },
    seenId: { type: new BigIntType('number') },
  },
});
