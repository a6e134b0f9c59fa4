import { describe, expect, it } from 'vitest';
import {
  AgentReportError,
  MAX_DISKS,
  MAX_HOSTNAME_LENGTH,
  MAX_INTERFACES,
  MAX_REPORT_BYTES,
  MAX_REPORTED_ISSUES,
  parseAgentReport,
  validateAgentReport,
  utf8ByteLength,
  type AgentReportErrorCode,
  type AgentReportKind,
} from '../../protocol/index.js';
import { validHeartbeat, validInventory, validMetrics } from './fixtures.js';

const json = (value: unknown) => JSON.stringify(value);
const inventoryWith = (patch: (inv: Record<string, unknown>) => void) => {
  const inv = validInventory() as unknown as Record<string, unknown>;
  patch(inv);
  return json(inv);
};
const metricsWith = (patch: (m: Record<string, unknown>) => void) => {
  const m = validMetrics() as unknown as Record<string, unknown>;
  patch(m);
  return json(m);
};

interface RejectCase {
  name: string;
  kind: AgentReportKind;
  input: string | Uint8Array;
  code: AgentReportErrorCode;
  path?: string;
}

const rejected: RejectCase[] = [
  { name: 'oversized string, padded with spaces', kind: 'heartbeat', input: json(validHeartbeat()) + ' '.repeat(MAX_REPORT_BYTES), code: 'REPORT_TOO_LARGE' },
  { name: 'oversized by UTF-8 bytes, not by characters', kind: 'inventory', input: inventoryWith((i) => (i.locale = 'é'.repeat(MAX_REPORT_BYTES / 2))), code: 'REPORT_TOO_LARGE' },
  { name: 'oversized bytes', kind: 'metrics', input: new Uint8Array(MAX_REPORT_BYTES + 1).fill(0x20), code: 'REPORT_TOO_LARGE' },
  { name: 'invalid UTF-8 bytes', kind: 'heartbeat', input: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), code: 'INVALID_ENCODING' },
  { name: 'malformed JSON', kind: 'heartbeat', input: '{"seq": 1, "at": ', code: 'MALFORMED_JSON' },
  { name: 'empty text', kind: 'heartbeat', input: '', code: 'MALFORMED_JSON' },
  { name: 'deeply nested JSON', kind: 'inventory', input: '['.repeat(100_000) + ']'.repeat(100_000), code: 'INVALID_REPORT', path: '' },
  { name: 'JSON null', kind: 'metrics', input: 'null', code: 'INVALID_REPORT', path: '' },
  { name: 'wrong type: seq as string', kind: 'heartbeat', input: json({ ...validHeartbeat(), seq: '3' }), code: 'INVALID_REPORT', path: 'seq' },
  { name: 'wrong type: hostname as number', kind: 'inventory', input: inventoryWith((i) => (i.hostname = 42)), code: 'INVALID_REPORT', path: 'hostname' },
  { name: 'missing field: memoryBytes', kind: 'inventory', input: inventoryWith((i) => delete i.memoryBytes), code: 'INVALID_REPORT', path: 'memoryBytes' },
  { name: 'not a timestamp', kind: 'heartbeat', input: json({ ...validHeartbeat(), at: 'yesterday' }), code: 'INVALID_REPORT', path: 'at' },
  { name: 'negative bytes', kind: 'inventory', input: inventoryWith((i) => (i.memoryBytes = -1)), code: 'INVALID_REPORT', path: 'memoryBytes' },
  { name: 'fractional bytes', kind: 'metrics', input: metricsWith((m) => (m.memory = { usedBytes: 1.5, totalBytes: 2 })), code: 'INVALID_REPORT', path: 'memory.usedBytes' },
  { name: 'Infinity via 1e400', kind: 'metrics', input: json(validMetrics()).replace('"processCount":140', '"processCount":1e400'), code: 'INVALID_REPORT', path: 'processCount' },
  { name: 'NaN spelled out', kind: 'metrics', input: json(validMetrics()).replace('"cpuPercent":12.5', '"cpuPercent":NaN'), code: 'MALFORMED_JSON' },
  { name: 'NaN serialized (becomes null)', kind: 'metrics', input: metricsWith((m) => (m.cpuPercent = NaN)), code: 'INVALID_REPORT', path: 'cpuPercent' },
  { name: 'cpu above 100 %', kind: 'metrics', input: metricsWith((m) => (m.cpuPercent = 100.1)), code: 'INVALID_REPORT', path: 'cpuPercent' },
  { name: 'negative rate', kind: 'metrics', input: metricsWith((m) => (m.network = { rxBytesPerSec: -5, txBytesPerSec: 0 })), code: 'INVALID_REPORT', path: 'network.rxBytesPerSec' },
  { name: 'load with two values', kind: 'metrics', input: metricsWith((m) => (m.load = [1, 2])), code: 'INVALID_REPORT', path: 'load' },
  { name: 'too many disks', kind: 'metrics', input: metricsWith((m) => (m.disks = Array.from({ length: MAX_DISKS + 1 }, (_, n) => ({ mount: `/m${n}`, usedBytes: 0, totalBytes: 0 })))), code: 'INVALID_REPORT', path: 'disks' },
  { name: 'too many interfaces', kind: 'inventory', input: inventoryWith((i) => (i.interfaces = Array.from({ length: MAX_INTERFACES + 1 }, (_, n) => ({ name: `veth${n}`, ipv4: [], ipv6: [], internal: false })))), code: 'INVALID_REPORT', path: 'interfaces' },
  { name: 'hostname too long', kind: 'inventory', input: inventoryWith((i) => (i.hostname = 'h'.repeat(MAX_HOSTNAME_LENGTH + 1))), code: 'INVALID_REPORT', path: 'hostname' },
  { name: 'empty hostname', kind: 'inventory', input: inventoryWith((i) => (i.hostname = '')), code: 'INVALID_REPORT', path: 'hostname' },
  { name: 'unknown platform', kind: 'inventory', input: inventoryWith((i) => ((i.os as Record<string, unknown>).platform = 'plan9')), code: 'INVALID_REPORT', path: 'os.platform' },
  { name: 'ipv4 family with an ipv6 address', kind: 'inventory', input: inventoryWith((i) => (i.ips = [{ family: 'ipv4', address: '::1', scope: 'loopback' }])), code: 'INVALID_REPORT', path: 'ips.0.address' },
  { name: 'bad MAC', kind: 'inventory', input: inventoryWith((i) => (i.macs = ['not-a-mac'])), code: 'INVALID_REPORT', path: 'macs.0' },
  { name: 'unknown kind', kind: 'shell' as AgentReportKind, input: '{}', code: 'UNKNOWN_KIND' },
  { name: 'prototype key as kind', kind: '__proto__' as AgentReportKind, input: '{}', code: 'UNKNOWN_KIND' },
];

describe('parseAgentReport rejects', () => {
  it.each(rejected)('$name → $code', ({ kind, input, code, path }) => {
    const result = parseAgentReport(kind, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(AgentReportError);
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeLessThan(300);
    if (path !== undefined) expect(result.error.issues.map((i) => i.path)).toContain(path);
  });

  it('caps the issues it reports', () => {
    const disks = Array.from({ length: 50 }, () => ({ mount: '', usedBytes: -1, totalBytes: -1 }));
    const result = parseAgentReport('metrics', metricsWith((m) => (m.disks = disks)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(result.error.message).toMatch(/\+\d+ more issues/);
  });

  it('does not echo hostile values in messages', () => {
    const result = parseAgentReport('heartbeat', json({ seq: '<script>alert(1)</script>', at: 'x' }));
    expect(result.ok || result.error.message.includes('<script>')).toBe(false);
  });
});

describe('parseAgentReport accepts', () => {
  const accepted: Array<{ name: string; kind: AgentReportKind; input: string | Uint8Array; expected: unknown }> = [
    { name: 'inventory', kind: 'inventory', input: json(validInventory()), expected: validInventory() },
    { name: 'heartbeat', kind: 'heartbeat', input: json(validHeartbeat()), expected: validHeartbeat() },
    { name: 'heartbeat without uptime', kind: 'heartbeat', input: json({ seq: 0, at: '2026-01-31T12:00:00+09:00' }), expected: { seq: 0, at: '2026-01-31T12:00:00+09:00' } },
    { name: 'metrics as UTF-8 bytes', kind: 'metrics', input: new TextEncoder().encode(json(validMetrics())), expected: validMetrics() },
    { name: 'metrics with missing groups', kind: 'metrics', input: metricsWith((m) => (m.missing = ['cpu', 'network'])), expected: { ...validMetrics(), missing: ['cpu', 'network'] } },
    {
      name: 'unknown fields are stripped, at every level',
      kind: 'inventory',
      input: inventoryWith((i) => {
        i.futureField = { anything: true };
        (i.os as Record<string, unknown>).secureBoot = true;
      }).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'),
      expected: validInventory(),
    },
  ];

  it.each(accepted)('$name', ({ kind, input, expected }) => {
    const result = parseAgentReport(kind, input);
    if (!result.ok) throw result.error;
    expect(result.kind).toBe(kind);
    expect(result.value).toStrictEqual(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a report of exactly MAX_REPORT_BYTES', () => {
    const text = json(validHeartbeat());
    const result = parseAgentReport('heartbeat', text + ' '.repeat(MAX_REPORT_BYTES - text.length));
    expect(result.ok).toBe(true);
  });
});

describe('utf8ByteLength', () => {
  it.each([
    { name: 'ASCII', text: 'abc' },
    { name: 'two-byte', text: 'é ß' },
    { name: 'three-byte', text: '한국어' },
    { name: 'surrogate pair', text: '😀x' },
    { name: 'lone high surrogate', text: 'a\ud800b' },
    { name: 'lone low surrogate at end', text: 'a\udc00' },
    { name: 'empty', text: '' },
  ])('$name matches TextEncoder', ({ text }) => {
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('validateAgentReport (already-parsed data)', () => {
  it.each([
    { name: 'valid heartbeat', kind: 'heartbeat' as const, data: validHeartbeat(), code: undefined },
    { name: 'NaN survives only without JSON', kind: 'metrics' as const, data: { ...validMetrics(), cpuPercent: NaN }, code: 'INVALID_REPORT' },
    { name: 'Infinity', kind: 'heartbeat' as const, data: { ...validHeartbeat(), uptimeSeconds: Infinity }, code: 'INVALID_REPORT' },
    { name: 'a string instead of an object', kind: 'inventory' as const, data: '{}', code: 'INVALID_REPORT' },
    { name: 'unknown kind', kind: 'toString' as AgentReportKind, data: {}, code: 'UNKNOWN_KIND' },
  ])('$name', ({ kind, data, code }) => {
    const result = validateAgentReport(kind, data);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });
});
