import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What `ioms login` remembers between commands. */
export interface CliConfig {
  server?: string;
  token?: string;
  username?: string;
  /** Absolute path of the CA file trusted for this server. */
  ca?: string;
}

/** `IOMS_CONFIG`, else `$XDG_CONFIG_HOME/ioms/config.json`, else `~/.config/ioms/config.json`. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IOMS_CONFIG) return path.resolve(env.IOMS_CONFIG);
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'ioms', 'config.json');
}

export function readCliConfig(file = configPath()): CliConfig {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as CliConfig) : {};
  } catch {
    return {};
  }
}

/** Written 0600 in a 0700 directory: the file holds a bearer token. */
export function writeCliConfig(config: CliConfig, file = configPath()): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}
