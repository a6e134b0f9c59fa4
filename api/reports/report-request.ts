import { badInput } from '../errors.js';
import type { ReportInput } from './report.input.js';
import { groupingText, parseGrouping, resolveReportRange, type ReportGrouping, type ReportPeriod, type ReportRange } from './report-scope.js';

/** A report request with its defaults filled in and checked. */
export interface ReportRequest {
  readonly range: ReportRange;
  readonly by: ReportGrouping;
  readonly selector: string | null;
  readonly period: ReportPeriod;
  readonly nowMs: number;
}

/** @throws AppError BAD_USER_INPUT for a bad range or grouping */
export function reportRequest(input: ReportInput | null | undefined, nowMs: number): ReportRequest {
  const range = resolveReportRange({ from: input?.from, to: input?.to }, nowMs);
  if (!range.ok) throw badInput(range.message);
  const by = parseGrouping(input?.by);
  if ('error' in by) throw badInput(by.error);
  return { range: range.range, by, selector: input?.selector?.trim() || null, period: input?.period ?? 'ALL', nowMs };
}

export function scopeOf(r: ReportRequest): { from: Date; to: Date; by: string; selector: string | null; period: ReportPeriod; generatedAt: Date } {
  return { from: new Date(r.range.fromMs), to: new Date(r.range.toMs), by: groupingText(r.by), selector: r.selector, period: r.period, generatedAt: new Date(r.nowMs) };
}
