import { BigIntType, EntitySchema } from '@mikro-orm/core';

/**
 * One sign-in attempt that counts against the login throttle: reserved before the password is
 * verified, deleted again when it succeeded, kept (until the window passes) when it failed. The
 * throttle counts these rows, so its limits hold across concurrent requests and replicas.
 */
export class LoginAttemptRecord {
  id!: number;
  /** The username as typed (cut to 128 characters). */
  username!: string;
  ip!: string;
  at!: Date;
}

export const LoginAttemptSchema = new EntitySchema<LoginAttemptRecord>({
  class: LoginAttemptRecord,
  tableName: 'login_attempts',
  indexes: [{ properties: ['username', 'at'] }, { properties: ['ip', 'at'] }, { properties: ['at'] }],
  properties: {
    id: { type: new BigIntType('number'), primary: true, autoincrement: true },
    username: { type: 'string', length: 128 },
    ip: { type: 'string', length: 64 },
    at: { type: 'datetime', length: 3 },
  },
});
