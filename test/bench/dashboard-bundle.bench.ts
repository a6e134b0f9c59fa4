/**
 * Production bundle size per dashboard page: every script a page's HTML loads from the static
 * export (web/out), raw and gzip-compressed as a browser would fetch it, shared chunks counted
 * on every page that loads them. Builds the dashboard first when it is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ensureDashboard, WEB_DIR } from '../../cli/dashboard-build.js';

const OUT = path.join(WEB_DIR, 'out');
const PAGES = [
  ['/login/', 'login/index.html'],
  ['/ (overview)', 'index.html'],
  ['/hosts/', 'hosts/index.html'],
  ['/host/', 'host/index.html'],
  ['/run/', 'run/index.html'],
  ['/jobs/', 'jobs/index.html'],
  ['/job/', 'job/index.html'],
  ['/desired/', 'desired/index.html'],
  ['/desired/revision/', 'desired/revision/index.html'],
  ['/desired/diff/', 'desired/diff/index.html'],
  ['/desired/plan/', 'desired/plan/index.html'],
  ['/artifact-store/', 'artifact-store/index.html'],
] as const;

ensureDashboard((line) => console.log(line), { quiet: true });
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const sizes = new Map<string, { raw: number; gzip: number }>();
const sizeOf = (rel: string) => {
  let s = sizes.get(rel);
  if (!s) {
    const buf = fs.readFileSync(path.join(OUT, rel));
    s = { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
    sizes.set(rel, s);
  }
  return s;
};

console.log('| page | scripts | JS raw | JS gzip | CSS gzip | HTML gzip |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, file] of PAGES) {
  const html = fs.readFileSync(path.join(OUT, file));
  const text = html.toString('utf8');
  const scripts = [...new Set([...text.matchAll(/(?:src|href)="\/(_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!))];
  const styles = [...new Set([...text.matchAll(/href="\/(_next\/static\/[^"]+\.css)"/g)].map((m) => m[1]!))];
  const js = scripts.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const css = styles.map(sizeOf).reduce((a, b) => a + b.gzip, 0);
  console.log(`| ${name} | ${scripts.length} | ${kib(js.raw)} | ${kib(js.gzip)} | ${kib(css)} | ${kib(zlib.gzipSync(html).length)} |`);
}
