/**
 * Process usage on Windows: not measured. Windows has no /proc; the per-process counters are
 * reachable only through PowerShell/WMI (`Get-Process`, `Win32_PerfFormattedData_PerfProc_Process`),
 * and one PowerShell start costs about a second of CPU — more than the reading is worth every
 * metrics interval on a busy host (the same reason `process-identity.win32.ts` runs it only once
 * per agent start). The observed state leaves `cpu` and `rss` absent, and `ioms get processes`
 * shows them empty, rather than showing a made-up zero.
 */
import type { UsageReader } from './process-usage.js';

export function windowsUsageReader(): UsageReader {
  return { ticksPerSecond: 100, read: () => new Map() };
}
