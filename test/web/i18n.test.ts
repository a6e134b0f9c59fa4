import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.join(import.meta.dirname, '..', '..', 'web', 'src');
const LOCALES = ['en', 'zh-CN'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Words that are the same in every language: names, units, stream names. */
const UNTRANSLATED = new Set(['IOMS', 'PID', 'CPU', 'RSS', 'stdout', 'stderr', 'UTC']);
/** Placeholders that show input syntax, not prose. */
const EXAMPLE_INPUTS = new Set(['role=web,env!=prod', 'web-01, db-*', 'uptime', '10 / 25%']);

type Catalogue = { [k: string]: string | Catalogue };
const readJson = (file: string): Catalogue => JSON.parse(fs.readFileSync(file, 'utf8')) as Catalogue;
/** The part-1 file and every `areas/<area>.<lang>.json`, as web/src/locales/catalogue.ts merges them. */
function catalogue(lang: string): Catalogue {
  const areas = path.join(WEB, 'locales', 'areas');
  const parts = fs.readdirSync(areas).filter((f) => f.endsWith(`.${lang}.json`)).map((f) => readJson(path.join(areas, f)));
  return Object.assign(readJson(path.join(WEB, 'locales', `${lang}.json`)), ...parts) as Catalogue;
}

function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key.replace(PLURAL, ''), v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'gql' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const keys = Object.fromEntries(LOCALES.map((l) => [l, flatten(catalogue(l))])) as Record<(typeof LOCALES)[number], Map<string, string>>;
const files = sources(WEB);
const code = files.map((f) => ({ file: path.relative(WEB, f), text: fs.readFileSync(f, 'utf8') }));

describe('the message catalogue', () => {
  it.each(LOCALES.flatMap((a) => LOCALES.filter((b) => b !== a).map((b) => ({ a, b }))))('every $a key is in $b', ({ a, b }) => {
    expect([...keys[a].keys()].filter((k) => !keys[b].has(k))).toEqual([]);
  });

  it.each(LOCALES)('no empty message in %s', (lang) => {
    expect([...keys[lang].entries()].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('every key the code uses is in both languages', () => {
    const used = new Set<string>();
    for (const { text } of code) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\b(?:label|k): '([a-z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\['((?:inventory|host)\.[a-zA-Z]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    for (const lang of LOCALES) expect([...used].filter((k) => !keys[lang].has(k)), lang).toEqual([]);
  });

  it('every key prefix built at run time (t(`status.${s}`)) exists in both languages', () => {
    const prefixes = new Set<string>();
    for (const { text } of code) for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) prefixes.add(m[1]!);
    expect(prefixes.size).toBeGreaterThan(5);
    for (const lang of LOCALES) expect([...prefixes].filter((p) => ![...keys[lang].keys()].some((k) => k.startsWith(`${p}.`))), lang).toEqual([]);
  });

  it('no page text bypasses the catalogue (JSX text and placeholders are keys)', () => {
    const offenders: string[] = [];
    for (const { file, text } of code) {
      if (!file.endsWith('.tsx')) continue;
      // `(?<!=)`: the `>` of an arrow (`() => new Fold<Row>(…)`) closes no tag.
      for (const m of text.matchAll(/(?<!=)>\s*([^<>{}]*[A-Za-z\u4e00-\u9fff][^<>{}]*?)\s*</g)) {
        const words = m[1]!.trim();
        if (!words || /^[\s#=+→·—/%0-9-]*$/.test(words) || words.split(/\s+/).every((w) => UNTRANSLATED.has(w.replace(/[^A-Za-z]/g, '')) || !/[A-Za-z\u4e00-\u9fff]/.test(w))) continue;
        if (/=>|&&|\|\||\(|;|\?|\breturn\b/.test(words)) continue; // code between generics, not text
        offenders.push(`${file}: ${words}`);
      }
      for (const m of text.matchAll(/\b(?:aria-label|title|placeholder)="([^"]*[a-z]{3,}[^"]*)"/g)) if (!EXAMPLE_INPUTS.has(m[1]!)) offenders.push(`${file}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
