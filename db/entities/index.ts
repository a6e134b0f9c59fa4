import { AuditEventSchema } from './audit-event.entity.js';
import { SessionSchema } from './session.entity.js';
import { UserSchema } from './user.entity.js';

export * from './audit-event.entity.js';
export * from './session.entity.js';
export * from './user.entity.js';

/** Every entity the ORM knows; later features append theirs. */
export const ENTITIES = [UserSchema, SessionSchema, AuditEventSchema];
