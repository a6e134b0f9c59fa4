import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** A guarded process exited and the agent's supervisor decided what next: restart history. */
export class ProcessRestartRecord {
  id!: number;
  hostId!: number;
  process!: string;
  at!: Date;
  exitCode?: number | null;
  signal?: string | null;
  /** Restarts so far in this run of the process. */
  count!: number;
  /** RESTART, EXIT (policy says stay down) or FATAL (start limit reached). */
  outcome!: string;
  /** The pid that exited. */
  pid?: number | null;
  /** The pid started after the backoff (RESTART). */
  newPid?: number | null;
  /** The delay the restart policy chose (RESTART). */
  backoffMs?: number | null;
}

export const ProcessRestartSchema = new EntitySchema<ProcessRestartRecord>({
  class: ProcessRestartRecord,
  tableName: 'process_restarts',
  // (at): the reports' partial edge days and the newest restarts and crash loops of a range
  indexes: [{ properties: ['hostId', 'process', 'at'] }, { properties: ['at'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    hostId: { type: 'integer' },
    process: { type: 'string', length: 128 },
    at: { type: 'datetime', length: 3 },
    exitCode: { type: 'integer', nullable: true },
    signal: { type: 'string', length: 16, nullable: true },
    count: { type: 'integer' },
    outcome: { type: 'string', length: 16 },
    pid: { type: 'integer', nullable: true },
    newPid: { type: 'integer', nullable: true },
    backoffMs: { type: 'integer', nullable: true },
  },
});
