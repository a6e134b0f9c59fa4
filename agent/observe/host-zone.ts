/**
 * The host's time zone and locale for the inventory, read WITHOUT `Intl` where the platform
 * says them plainly: `Intl.DateTimeFormat().resolvedOptions()` maps ICU's locale, calendar and
 * zone data out of the node binary, 6–7 MB of resident pages the agent would keep for two
 * strings (docs/BENCHMARKS.md, "Agent footprint"). On Linux and macOS the time zone is `TZ`
 * or the `/etc/localtime` link and the locale is `LC_ALL` / `LC_MESSAGES` / `LANG`, which are
 * exactly what ICU itself reads; `Intl` remains the fallback (always on Windows), asked only
 * for what could not be read.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** What the inventory reports about the host's clock and language. */
export interface HostZone {
  /** IANA name, e.g. `Europe/Berlin`. */
  readonly timeZone?: string;
  /** BCP 47, e.g. `en-US`. */
  readonly locale?: string;
}

/** An IANA zone name (`UTC`, `EST5EDT`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`). */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The only IANA names with digits (`Etc/GMT-14`, `EST5EDT`, `PST8PDT`, ...). */
const ZONE_WITH_DIGITS = /^(Etc\/)?GMT[+-]?\d{1,2}$|^[A-Z]{3}\d[A-Z]{3}$/;

/** Names ICU reports as `UTC`, so the common case reads the same as it did through `Intl`. */
const UTC_ALIASES = new Set(['Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'UCT', 'Universal', 'Zulu', 'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Etc/Greenwich', 'GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Greenwich']);

/**
 * The zone a path names: whatever follows `zoneinfo/` (`/usr/share/zoneinfo/Europe/Berlin`,
 * `../usr/share/zoneinfo/posix/Asia/Tokyo`), or a bare name. Pure; undefined when it names none.
 */
export function zoneFromPath(target: string): string | undefined {
  const at = target.lastIndexOf('zoneinfo/');
  const name = (at >= 0 ? target.slice(at + 'zoneinfo/'.length) : target).replace(/^(posix|right)\//, '');
  if (name === '' || name.startsWith('/') || !ZONE_NAME.test(name)) return undefined;
  return UTC_ALIASES.has(name) ? 'UTC' : name;
}

/**
 * The zone `TZ` names: `Europe/Berlin`, `:Europe/Berlin`, or a zoneinfo file path. Pure.
 * Undefined when unset, empty, or not a zone name (a POSIX rule like `CET-1CEST`), so the
 * caller looks further.
 */
export function zoneFromTz(tz: string | undefined): string | undefined {
  if (tz === undefined) return undefined;
  const value = tz.startsWith(':') ? tz.slice(1) : tz;
  if (value.startsWith('/')) return value.includes('zoneinfo/') ? zoneFromPath(value) : undefined;
  // Zone names carry digits only as `Etc/GMT+5` or `EST5EDT`; other digits mean a POSIX rule.
  if (/\d/.test(value) && !ZONE_WITH_DIGITS.test(value)) return undefined;
  return zoneFromPath(value);
}

/**
 * The locale POSIX environment variables name, in the order ICU reads them (`LC_ALL`, then
 * `LC_MESSAGES`, then `LANG`): `de_DE.UTF-8` → `de-DE`; `C`, `POSIX` (and their `.UTF-8`)
 * → `en-US`, as ICU reports them. Pure; undefined when none is set or the value is not a
 * locale.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (raw === undefined) return undefined;
  const base = raw.split('.')[0]!.split('@')[0]!;
  if (base === 'C' || base === 'POSIX') return 'en-US';
  const tag = base.replace(/_/g, '-');
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}

/** The I/O {@link readHostZone} does; test seam. */
export interface HostZoneSources {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The target of a symlink, or throws. */
  readonly readlink: (path: string) => string;
  /** A text file, or throws. */
  readonly readFile: (path: string) => string;
  /** What `Intl` says: called only when something is still missing. */
  readonly intl: () => HostZone;
}

const DEFAULT_SOURCES: HostZoneSources = {
  platform: process.platform,
  env: process.env,
  readlink: (p) => readlinkSync(p),
  readFile: (p) => readFileSync(p, 'utf8'),
  intl: () => {
    const o = Intl.DateTimeFormat().resolvedOptions();
    return { timeZone: o.timeZone, locale: o.locale };
  },
};

/**
 * The host's time zone and locale: from `TZ`, `/etc/localtime` (a link into zoneinfo),
 * `/etc/timezone` and the locale variables where the platform has them, else from `Intl`.
 * Never throws; a field stays absent only when even `Intl` has none.
 */
export function readHostZone(sources: Partial<HostZoneSources> = {}): HostZone {
  const s = { ...DEFAULT_SOURCES, ...sources };
  let timeZone: string | undefined;
  let locale: string | undefined;
  if (s.platform !== 'win32') {
    const attempt = (read: () => string | undefined): string | undefined => {
      try {
        return read();
      } catch {
        return undefined;
      }
    };
    timeZone =
      zoneFromTz(s.env.TZ) ??
      (s.env.TZ === undefined ? (attempt(() => zoneFromPath(s.readlink('/etc/localtime'))) ?? attempt(() => zoneFromPath(s.readFile('/etc/timezone').trim()))) : undefined);
    locale = localeFromEnv(s.env);
  }
  if (timeZone !== undefined && locale !== undefined) return { timeZone, locale };
  let fallback: HostZone = {};
  try {
    fallback = s.intl();
  } catch {
    // no Intl: the inventory reports its defaults
  }
  return { ...fallback, ...(timeZone === undefined ? {} : { timeZone }), ...(locale === undefined ? {} : { locale }) };
}
