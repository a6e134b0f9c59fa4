import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars.js';

export const TILE_STATES = ['ONLINE', 'ALIVE', 'DEAD', 'REVOKED'] as const;
export type TileState = (typeof TILE_STATES)[number];

/**
 * The fleet map's data as parallel arrays, index i describing one host: 10,000 hosts cost three
 * list fields instead of 50,000 resolved fields.
 */
@ObjectType()
export class FleetTiles {
  @Field(() => [String], { description: 'Host names, ascending' }) names!: string[];
  @Field(() => [String], { description: 'Per host: ONLINE (connected), ALIVE (heartbeat in the window, not connected), DEAD or REVOKED' }) states!: TileState[];
  @Field(() => [Float], { nullable: 'items', description: 'Per host: mean CPU % of the samples of the last 5 minutes; null without any' }) cpuPercent!: (number | null)[];
}

/** A fleet-wide happening for the overview: a status change or a guarded-process exit. */
@ObjectType()
export class FleetEvent {
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => String) host!: string;
  @Field(() => String, { description: 'STATUS or RESTART' }) kind!: 'STATUS' | 'RESTART';
  @Field(() => String, { description: 'STATUS: CONNECTED, DISCONNECTED, ALIVE, DEAD, ENROLLED, REVOKED; RESTART: RESTART, EXIT or FATAL' }) change!: string;
  @Field(() => String, { nullable: true, description: 'RESTART: the guarded process' }) process!: string | null;
  @Field(() => String, { nullable: true, description: 'STATUS: the reason; RESTART: exit code or signal' }) detail!: string | null;
}

/** Fleet CPU and memory in one 5-minute bucket, from the rollups. */
@ObjectType()
export class FleetMetricsPoint {
  @Field(() => DateTimeScalar, { description: 'Start of the bucket' }) at!: Date;
  @Field(() => Float, { description: 'Mean of the hosts’ mean CPU %' }) cpuPercent!: number;
  @Field(() => Float, { description: 'Highest host mean CPU % in the bucket' }) cpuMax!: number;
  @Field(() => Float, { description: 'Memory in use, summed over hosts' }) memUsedBytes!: number;
  @Field(() => Float, { description: 'Memory installed, summed over hosts' }) memTotalBytes!: number;
  @Field(() => Int, { description: 'Hosts with a rollup in the bucket' }) hosts!: number;
}
