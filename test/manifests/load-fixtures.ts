/** Manifest texts shared by the load, render and plan tests. */

/** A valid Profile; line numbers in tests refer to this layout. */
export const VALID_PROFILE = `apiVersion: ioms/v1
kind: Profile
metadata: { name: game-servers }
spec:
  selector: { matchLabels: { role: game } }
  processes:
    - name: gameserver
      command: /opt/game/server
      args: ["--port", "7000"]
      restart: { policy: always, backoffSeconds: 1, maxBackoffSeconds: 60 }
  crontab:
    - { name: nightly-restart, schedule: "0 4 * * *", restartProcess: gameserver }
  files:
    - path: /opt/game/update.zip
      artifact: game-update-1.2.zip
      md5: "9e107d9d372bb6826bd81d3542a419d6"
      mode: "0644"
      extractTo: /opt/game/
`;

export const VALID_HOST = `apiVersion: ioms/v1
kind: Host
metadata: { name: web-01 }
spec:
  labels: { role: game, env: prod }
`;

/** Replaces the first occurrence of `from` in `text`, failing loudly when absent. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
