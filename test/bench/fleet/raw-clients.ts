/** The raw baseline's clients: `n` bare `ws` sockets that answer every message with a result-sized reply. */
import WebSocket from 'ws';

const [url, nText, heartbeatText] = process.argv.slice(2);
const n = Number(nText);
/** Like the agents: a heartbeat-sized message every `heartbeatMs` (random phase), 0 for none. */
const heartbeatMs = Number(heartbeatText ?? 0);
const HEARTBEAT = JSON.stringify({ id: 'h', type: 'subscribe', payload: { query: 'mutation($r: String!) { reportHeartbeat(report: $r) }', variables: { r: JSON.stringify({ seq: 1, at: new Date().toISOString(), uptimeSeconds: 3600 }) } } });
const sockets: WebSocket[] = [];
for (let i = 0; i < n; i++) {
  const s = new WebSocket(url!);
  s.on('message', (data) => {
    const m = JSON.parse(String(data)) as { id: string; payload: { data: { agentInstructions: { id: string; payload: { pad?: string } } } } };
    if (m.id === 'h') return; // a heartbeat's acknowledgement
    const i = m.payload.data.agentInstructions;
    // A padded instruction (the desired-state baseline) is answered like an observed-state report of the same size.
    if (i.payload.pad) return void s.send(JSON.stringify({ id: 'o', type: 'subscribe', payload: { query: 'mutation($r: String!) { reportObservedState(report: $r) }', variables: { r: JSON.stringify({ hash: i.id, observed: i.payload.pad }) } } }));
    s.send(JSON.stringify({ id: 'r', type: 'subscribe', payload: { query: 'mutation($r: String!) { reportCommandResult(report: $r) }', variables: { r: JSON.stringify({ id: i.id, status: 'SUCCEEDED', exitCode: 0, stdout: 'hi\n', stderr: '' }) } } }));
  });
  s.on('error', () => undefined);
  if (heartbeatMs > 0) s.once('open', () => setTimeout(() => setInterval(() => s.readyState === WebSocket.OPEN && s.send(HEARTBEAT), heartbeatMs).unref(), Math.random() * heartbeatMs).unref());
  sockets.push(s);
}
process.on('message', () => {
  for (const s of sockets) s.close();
  setTimeout(() => process.exit(0), 100);
});
process.on('disconnect', () => process.exit(0));
