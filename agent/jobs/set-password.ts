import { spawn } from 'node:child_process';

/**
 * Sets an OS user's password without the secret ever touching a command line, a log or a file:
 * POSIX pipes `user:password` into `chpasswd`; Windows hands it to PowerShell through an
 * environment variable read by `Set-LocalUser`.
 */
export function setOsPassword(username: string, password: string, platform: NodeJS.Platform = process.platform, timeoutMs = 30_000): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  if (!/^[A-Za-z0-9._$-]{1,64}$/.test(username)) return Promise.resolve({ exitCode: -1, stdout: '', stderr: 'invalid user name' });
  const [file, args, env, input] =
    platform === 'win32'
      ? ['powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', 'Set-LocalUser -Name $env:IOMS_USER -Password (ConvertTo-SecureString $env:IOMS_SECRET -AsPlainText -Force)'], { ...process.env, IOMS_USER: username, IOMS_SECRET: password }, '']
      : ['chpasswd', [], process.env, `${username}:${password}\n`];
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()).length > 65_536 && (stdout = stdout.slice(-65_536)));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()).length > 65_536 && (stderr = stderr.slice(-65_536)));
    child.once('error', (err) => resolve({ exitCode: -1, stdout, stderr: `${stderr}${err.message}` }));
    child.once('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}
