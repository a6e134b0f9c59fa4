import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../api/audit/audit-columns.js';
import { AuditEventType } from '../../api/audit/audit-event.type.js';

const event = (over: Partial<AuditEventType>): AuditEventType =>
  Object.assign(new AuditEventType(), { id: '7', at: new Date('2026-01-02T03:04:05Z'), actorType: 'USER', actor: 'admin', ip: '127.0.0.1', action: 'createUser', target: 'vera', args: null, outcome: 'SUCCESS', reason: null, ...over });

const HEADER = 'id,at,actor_type,actor,ip,action,target,outcome,reason,args\r\n';

describe('the audit trail as CSV', () => {
  it.each([
    { name: 'a plain row', events: [event({})], csv: `${HEADER}7,2026-01-02T03:04:05.000Z,USER,admin,127.0.0.1,createUser,vera,SUCCESS,,\r\n` },
    { name: 'no rows: the header alone', events: [], csv: HEADER },
    { name: 'a time as an ISO string (as pub/sub delivers it)', events: [event({ at: '2026-01-02T03:04:05.000Z' })], csv: `${HEADER}7,2026-01-02T03:04:05.000Z,USER,admin,127.0.0.1,createUser,vera,SUCCESS,,\r\n` },
    {
      name: 'arguments as JSON, quoted',
      events: [event({ args: { input: { username: 'vera', password: '[redacted]' } } })],
      csv: `${HEADER}7,2026-01-02T03:04:05.000Z,USER,admin,127.0.0.1,createUser,vera,SUCCESS,,"{""input"":{""username"":""vera"",""password"":""[redacted]""}}"\r\n`,
    },
    {
      name: 'a formula-looking actor and a reason with a newline stay text',
      events: [event({ actor: '=HYPERLINK("x")', outcome: 'DENIED', reason: 'role VIEWER\nmay not' })],
      csv: `${HEADER}7,2026-01-02T03:04:05.000Z,USER,"'=HYPERLINK(""x"")",127.0.0.1,createUser,vera,DENIED,"role VIEWER\nmay not",\r\n`,
    },
  ])('$name', ({ events, csv }) => {
    expect(auditCsv(events)).toBe(csv);
  });
});
