import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars.js';

@ObjectType('DiskUsage')
export class DiskUsageType {
  @Field(() => String) mount!: string;
  @Field(() => Float) usedBytes!: number;
  @Field(() => Float) totalBytes!: number;
}

/**
 * One point of a host's metrics: a raw sample, or a rollup bucket where each plain field is
 * the bucket's average (memTotalBytes: its maximum) and the *Min/*Max fields are filled.
 */
@ObjectType('MetricsPoint')
export class MetricsPointType {
  @Field(() => DateTimeScalar, { description: 'When the sample was taken, or the start of the bucket' }) at!: Date;
  @Field(() => Float) cpuPercent!: number;
  @Field(() => Float, { nullable: true, description: 'Rollups only' }) cpuMin!: number | null;
  @Field(() => Float, { nullable: true, description: 'Rollups only' }) cpuMax!: number | null;
  @Field(() => Float) memUsedBytes!: number;
  @Field(() => Float, { nullable: true, description: 'Rollups only' }) memUsedMin!: number | null;
  @Field(() => Float, { nullable: true, description: 'Rollups only' }) memUsedMax!: number | null;
  @Field(() => Float) memTotalBytes!: number;
  @Field(() => Float) load1!: number;
  @Field(() => Float, { nullable: true, description: 'Rollups only' }) load1Max!: number | null;
  @Field(() => Float) netRxBytesPerSec!: number;
  @Field(() => Float, { nullable: true, description: 'Rollups only' }) netRxMax!: number | null;
  @Field(() => Float) netTxBytesPerSec!: number;
  @Field(() => Float, { nullable: true, description: 'Rollups only' }) netTxMax!: number | null;
  @Field(() => Float, { description: 'An average (not a whole number) for rollups' }) processCount!: number;
  @Field(() => Float, { nullable: true, description: 'Rollups only' }) processCountMax!: number | null;
  @Field(() => Int, { nullable: true, description: 'Raw samples in the bucket; rollups only' }) samples!: number | null;
  @Field(() => [DiskUsageType], { nullable: true, description: 'Raw samples only' }) disks!: DiskUsageType[] | null;
}

@ObjectType('HostMetrics')
export class HostMetricsType {
  @Field(() => String) host!: string;
  @Field(() => Int, { description: '0 for raw samples, else the rollup bucket in seconds (300 or 3600)' }) step!: number;
  @Field(() => DateTimeScalar) from!: Date;
  @Field(() => DateTimeScalar) to!: Date;
  @Field(() => Boolean, { description: 'More points matched than one answer carries; these are the newest' }) truncated!: boolean;
  @Field(() => [MetricsPointType], { description: 'Oldest first' }) points!: MetricsPointType[];
}
