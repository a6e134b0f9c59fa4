/**
 * `hostChanged`: one event for the parts of a host's page that change by agent reports and the
 * reconciler rather than by the host row (which `hostUpdated` carries). It says which part
 * changed, so a page refetches that panel only.
 *
 *   RESTARTS   a guarded-process restart was recorded
 *   CRON_RUNS  a cron entry run was recorded
 *   STATE      the observed state (a report), the desired state or the drift (a reconcile) changed
 */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { PubSub } from '../pubsub/pubsub.js';
import { HOST_CHANGED_TOPIC } from './topics.js';

export const HOST_PARTS = ['RESTARTS', 'CRON_RUNS', 'STATE'] as const;
export type HostPart = (typeof HOST_PARTS)[number];

/** The GraphQL enum, derived from {@link HOST_PARTS}. */
export const HostPartEnum = Object.fromEntries(HOST_PARTS.map((p) => [p, p])) as { readonly [K in HostPart]: K };
registerEnumType(HostPartEnum, { name: 'HostPart', description: 'A part of a host’s record that changed: RESTARTS, CRON_RUNS or STATE (observed, desired, drift)' });

/** What travels through pub/sub (JSON-safe). */
export interface HostChangedEvent {
  readonly hostId: number;
  readonly host: string;
  readonly part: HostPart;
}

@ObjectType('HostChange')
export class HostChangeType {
  @Field(() => String) host!: string;
  @Field(() => HostPartEnum) part!: HostPart;
}

/** Published after the change commits (the server's pub/sub defers to the unit's commit). */
export function publishHostChanged(pubsub: PubSub, event: HostChangedEvent): void {
  pubsub.publish(HOST_CHANGED_TOPIC, event);
}
