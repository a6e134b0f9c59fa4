import { openDatabase } from '../../db/orm.js';
import { loadReportHosts } from '../../api/reports/report-hosts.js';
import { loadAvailabilityInput } from '../../api/reports/availability-source.js';
import { availabilityRows } from '../../api/reports/availability.js';
import { reportRequest } from '../../api/reports/report-request.js';
const orm = await openDatabase('mysql://root@127.0.0.1:3306/ioms_bench_reports_keep');
const NOW = Math.floor(Date.now() / 3_600_000) * 3_600_000;
const req = reportRequest({ from: new Date(NOW - 30 * 86400000), to: new Date(NOW), by: 'label:role', period: 'DAY' }, NOW);
for (let k = 0; k < 2; k++) {
  const em = orm.em.fork();
  let t = performance.now();
  const hosts = await loadReportHosts(em, null);
  console.log('hosts', (performance.now() - t).toFixed(0)); t = performance.now();
  const input = await loadAvailabilityInput(em, hosts, req.range);
  console.log('input', (performance.now() - t).toFixed(0)); t = performance.now();
  const rows = availabilityRows(input, req.range, { aliveWindowMs: 180000, by: req.by, period: req.period });
  console.log('pure', (performance.now() - t).toFixed(0), rows.length);
}
await orm.close();
