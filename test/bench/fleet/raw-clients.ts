/** The raw baseline's clients: `n` bare `ws` sockets that answer every message with a result-sized reply. */
import WebSocket from 'ws';

const [url, nText] = process.argv.slice(2);
const n = Number(nText);
const sockets: WebSocket[] = [];
for (let i = 0; i < n; i++) {
  const s = new WebSocket(url!);
  s.on('message', (data) => {
    const m = JSON.parse(String(data)) as { payload: { data: { agentInstructions: { id: string } } } };
    s.send(JSON.stringify({ id: 'r', type: 'subscribe', payload: { query: 'mutation($r: String!) { reportCommandResult(report: $r) }', variables: { r: JSON.stringify({ id: m.payload.data.agentInstructions.id, status: 'SUCCEEDED', exitCode: 0, stdout: 'hi\n', stderr: '' }) } } }));
  });
  s.on('error', () => undefined);
  sockets.push(s);
}
process.on('message', () => {
  for (const s of sockets) s.close();
  setTimeout(() => process.exit(0), 100);
});
process.on('disconnect', () => process.exit(0));
