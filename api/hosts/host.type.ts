import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EnrollmentTokenRecord, HostStatusEventRecord } from '../../db/entities/index.js';
import { PageInfo } from '../graphql/page.js';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars.js';
import type { RecentUsage } from '../metrics/recent-usage.js';
import type { HostView } from './host-view.js';

export enum HostStatusEnum {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
  ALIVE = 'ALIVE',
  DEAD = 'DEAD',
  REVOKED = 'REVOKED',
}
registerEnumType(HostStatusEnum, { name: 'HostStatus', description: 'ONLINE = connected now; ALIVE = a heartbeat within the alive window' });

@ObjectType('Host')
export class HostType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => JSONScalar, { description: 'Effective labels: agent labels overlaid with server labels' }) labels!: Record<string, string>;
  @Field(() => JSONScalar) agentLabels!: Record<string, string>;
  @Field(() => JSONScalar) serverLabels!: Record<string, string>;
  @Field(() => Boolean, { description: 'Connected now' }) online!: boolean;
  @Field(() => Boolean, { description: 'A heartbeat arrived within the alive window' }) alive!: boolean;
  @Field(() => Boolean) revoked!: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) lastSeenAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastConnectedAt!: string | null;
  @Field(() => DateTimeScalar) enrolledAt!: string;
  @Field(() => String, { nullable: true }) agentVersion!: string | null;
  @Field(() => String, { nullable: true, description: 'Address the agent last connected from' }) address!: string | null;
  @Field(() => JSONScalar, { nullable: true, description: 'Hostname, OS, CPU, memory, disks, interfaces, addresses, time zone, locale, boot time' })
  inventory!: Record<string, unknown> | null;

  /** Internal id for field resolvers. */
  hostId!: number;
  /**
   * CPU and memory of the last minutes when the list that produced this host read them for a
   * whole page at once (null: no samples); undefined: the field resolvers read them.
   */
  recentUsage?: RecentUsage | null;

  static from(v: HostView, recentUsage?: RecentUsage | null): HostType {
    return Object.assign(new HostType(), { ...v, id: String(v.id), hostId: v.id, recentUsage });
  }
}

@ObjectType()
export class HostConnection {
  @Field(() => [HostType]) nodes!: HostType[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Hosts matching the filter, all pages' }) totalCount!: number;
}

@ObjectType()
export class FleetSummary {
  @Field(() => Int, { description: 'Enrolled hosts, revoked ones excluded' }) total!: number;
  @Field(() => Int) online!: number;
  @Field(() => Int) alive!: number;
  @Field(() => Int) dead!: number;
  @Field(() => Int) revoked!: number;
}

@ObjectType('HostStatusEvent')
export class HostStatusEventType {
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => String, { description: 'CONNECTED, DISCONNECTED, ALIVE, DEAD, ENROLLED or REVOKED' }) change!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;

  static from(r: HostStatusEventRecord): HostStatusEventType {
    return Object.assign(new HostStatusEventType(), { at: r.at, change: r.change, reason: r.reason ?? null });
  }
}

@ObjectType('EnrollmentToken')
export class EnrollmentTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => JSONScalar) labels!: Record<string, string>;
  @Field(() => DateTimeScalar) expiresAt!: Date;
  @Field(() => Int) maxUses!: number;
  @Field(() => Int) uses!: number;
  @Field(() => String) createdBy!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { description: 'ACTIVE, EXPIRED, USED_UP or REVOKED' }) status!: string;

  static from(r: EnrollmentTokenRecord, now: Date): EnrollmentTokenType {
    const status = r.revokedAt ? 'REVOKED' : r.uses >= r.maxUses ? 'USED_UP' : r.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';
    return Object.assign(new EnrollmentTokenType(), {
      id: String(r.id),
      description: r.description ?? null,
      labels: r.labels,
      expiresAt: r.expiresAt,
      maxUses: r.maxUses,
      uses: r.uses,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      revokedAt: r.revokedAt ?? null,
      status,
    });
  }
}

@ObjectType()
export class CreatedEnrollmentToken {
  @Field(() => String, { description: 'The token itself: shown only now' }) token!: string;
  @Field(() => EnrollmentTokenType) enrollmentToken!: EnrollmentTokenType;
}

@InputType()
export class CreateEnrollmentTokenInput {
  @Field(() => JSONScalar, { nullable: true, description: 'Labels every host enrolled with it starts with' }) labels?: Record<string, string>;
  @Field(() => Int, { nullable: true, description: 'Lifetime in seconds (default 86400)' }) ttlSeconds?: number;
  @Field(() => Int, { nullable: true, description: 'How many hosts may enroll with it (default 1)' }) maxUses?: number;
  @Field(() => String, { nullable: true }) description?: string;
}

@ObjectType()
export class AgentEnrollment {
  @Field(() => Int) hostId!: number;
  @Field(() => String) hostName!: string;
  @Field(() => String, { description: 'The host’s own credential: store it 0600; the server keeps only its hash' }) secret!: string;
}

@ObjectType('AgentInstruction')
export class AgentInstructionType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'What to do, e.g. COLLECT_INVENTORY' }) kind!: string;
  @Field(() => JSONScalar, { nullable: true }) payload!: unknown;
}
