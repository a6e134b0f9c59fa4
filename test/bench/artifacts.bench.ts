/**
 * Artifact transfer benchmark: push and download a large file (1 GiB by default) through the
 * artifact routes, and the same file through raw Node streaming (`req.pipe(fs.createWriteStream())`
 * and `fs.createReadStream().pipe(res)`), printing MB/s, the ratio, and the server process's peak
 * RSS during each phase (sampled every 20 ms) to show that memory stays flat.
 *
 *   npx tsx test/bench/artifacts.bench.ts            # 1 GiB
 *   IOMS_BENCH_MB=256 npx tsx test/bench/artifacts.bench.ts
 *
 * The server runs in a child process (this same file with --server) so its RSS is its own.
 * Everything lives in a temp directory that is removed at the end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type ToServer = { type: 'reset' } | { type: 'peak' } | { type: 'stop' };
type FromServer = { type: 'ready'; url: string; rawUrl: string; token: string } | { type: 'peak'; rssBytes: number; baselineBytes: number };

const MB = 1024 * 1024;

if (process.argv.includes('--server')) await serve();
else await main();

async function serve(): Promise<void> {
  const { startHarness } = await import('../artifacts/harness.js');
  const h = await startHarness({ maxBlobBytes: 64 * 1024 * MB });
  const rawDir = path.join(h.dir, 'raw');
  fs.mkdirSync(rawDir);
  const raw = http.createServer((req, res) => {
    const file = path.join(rawDir, 'blob');
    if (req.method === 'PUT') {
      req.pipe(fs.createWriteStream(file)).on('finish', () => res.end('{}'));
    } else {
      const size = fs.statSync(file).size;
      res.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  let peak = process.memoryUsage.rss();
  let baseline = peak;
  setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20).unref();
  process.on('message', (m: ToServer) => {
    if (m.type === 'reset') {
      global.gc?.();
      baseline = process.memoryUsage.rss();
      peak = baseline;
    } else if (m.type === 'peak') process.send!({ type: 'peak', rssBytes: peak, baselineBytes: baseline } satisfies FromServer);
    else if (m.type === 'stop') {
      raw.close();
      void h.close().then(() => process.exit(0));
    }
  });
  process.send!({ type: 'ready', url: h.url, rawUrl: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, token: h.tokens.admin } satisfies FromServer);
}

async function main(): Promise<void> {
  const sizeMb = Number(process.env.IOMS_BENCH_MB ?? 1024);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ioms-bench-artifacts-'));
  const child = fork(fileURLToPath(import.meta.url), ['--server'], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const ready = await next(child, 'ready');
    if (ready.type !== 'ready') throw new Error('server did not start');
    process.stdout.write(`generating a ${sizeMb} MiB file in ${dir} …\n`);
    const { makeFile, put } = await import('../artifacts/harness.js');
    const file = makeFile(dir, 'bench.bin', sizeMb * MB);
    const auth = { authorization: `Bearer ${ready.token}` };

    const rows: { phase: string; mbps: number; peakMb: number; growthMb: number }[] = [];
    const phase = async (name: string, work: () => Promise<void>) => {
      child.send({ type: 'reset' } satisfies ToServer);
      await new Promise((r) => setTimeout(r, 100));
      const started = process.hrtime.bigint();
      await work();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      child.send({ type: 'peak' } satisfies ToServer);
      const peak = await next(child, 'peak');
      if (peak.type !== 'peak') throw new Error('no peak');
      rows.push({ phase: name, mbps: sizeMb / seconds, peakMb: peak.rssBytes / MB, growthMb: (peak.rssBytes - peak.baselineBytes) / MB });
    };

    await phase('push   /artifacts (hash+fsync)', async () => {
      const r = await put(`${ready.url}/artifacts/bench.bin?version=1&md5=${file.md5}`, file.file, auth);
      if (r.status !== 201) throw new Error(`push answered ${r.status}: ${JSON.stringify(r.json)}`);
    });
    await phase('upload raw req.pipe(file)', async () => {
      const r = await put(`${ready.rawUrl}/raw`, file.file);
      if (r.status !== 200) throw new Error(`raw upload answered ${r.status}`);
    });
    await phase('GET    /artifacts/<sha256>', () => download(`${ready.url}/artifacts/${file.sha256}`, auth, file.sizeBytes));
    await phase('GET    raw createReadStream', () => download(`${ready.rawUrl}/raw`, {}, file.sizeBytes));

    const width = Math.max(...rows.map((r) => r.phase.length));
    process.stdout.write(`\n${'phase'.padEnd(width)}  ${'MB/s'.padStart(8)}  ${'peak RSS MB'.padStart(11)}  ${'growth MB'.padStart(9)}\n`);
    for (const r of rows) process.stdout.write(`${r.phase.padEnd(width)}  ${r.mbps.toFixed(1).padStart(8)}  ${r.peakMb.toFixed(1).padStart(11)}  ${r.growthMb.toFixed(1).padStart(9)}\n`);
    const [push, rawUp, get, rawGet] = rows;
    process.stdout.write(`\nupload ratio routes/raw: ${(push!.mbps / rawUp!.mbps).toFixed(2)}   download ratio routes/raw: ${(get!.mbps / rawGet!.mbps).toFixed(2)}   (file ${sizeMb} MiB)\n`);
  } finally {
    child.send({ type: 'stop' } satisfies ToServer);
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function next(child: ChildProcess, type: FromServer['type']): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromServer) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Reads a download to the end, discarding it, and checks the length. */
function download(url: string, headers: Record<string, string>, expected: number): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url} answered ${res.statusCode}`));
        let got = 0;
        res.on('data', (c: Buffer) => (got += c.length));
        res.on('end', () => (got === expected ? resolve() : reject(new Error(`got ${got} of ${expected} bytes`))));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}
