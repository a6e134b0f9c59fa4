import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { AuditEventRecord, AuditOutcome } from '../../db/entities/index.js';
import { PageInfo } from '../graphql/page.js';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars.js';
import { auditCsv } from './audit-columns.js';

export enum AuditOutcomeEnum {
  SUCCESS = 'SUCCESS',
  FAILURE = 'FAILURE',
  DENIED = 'DENIED',
}
registerEnumType(AuditOutcomeEnum, { name: 'AuditOutcome' });

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) at!: Date | string;
  @Field(() => String, { description: 'USER, AGENT, SYSTEM or ANONYMOUS' }) actorType!: string;
  @Field(() => String) actor!: string;
  @Field(() => String) ip!: string;
  @Field(() => String) action!: string;
  @Field(() => String, { nullable: true }) target!: string | null;
  @Field(() => JSONScalar, { nullable: true, description: 'Arguments, secrets redacted' }) args!: unknown;
  @Field(() => AuditOutcomeEnum) outcome!: AuditOutcome;
  @Field(() => String, { nullable: true }) reason!: string | null;

  /** Also the pub/sub payload, so it must survive JSON. */
  static from(r: AuditEventRecord): AuditEventType {
    return Object.assign(new AuditEventType(), {
      id: String(r.id),
      at: r.at,
      actorType: r.actorType,
      actor: r.actor,
      ip: r.ip,
      action: r.action,
      target: r.target ?? null,
      args: r.args ?? null,
      outcome: r.outcome,
      reason: r.reason ?? null,
    });
  }
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventType]) nodes!: AuditEventType[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => String, { description: 'This page\'s rows as RFC 4180 CSV (header row, CRLF, formula-looking cells neutralised), the writer the reports use' })
  csv(): string {
    return auditCsv(this.nodes);
  }
}

@InputType()
export class AuditFilterInput {
  @Field(() => String, { nullable: true }) actor?: string;
  @Field(() => String, { nullable: true }) action?: string;
  @Field(() => AuditOutcomeEnum, { nullable: true }) outcome?: AuditOutcome;
  @Field(() => DateTimeScalar, { nullable: true }) since?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) until?: Date;
}
