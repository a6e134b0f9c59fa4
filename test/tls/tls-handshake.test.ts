/**
 * Real HTTPS and WSS servers on loopback, configured by `loadServerTlsOptions`, and real
 * clients configured by `clientTlsOptions`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:https';
import { type LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type ConnectionOptions } from 'node:tls';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

import { createCertificateAuthority } from '../../api/tls/certificates.js';
import { assertSecureUrl, clientTlsOptions } from '../../protocol/client-trust.js';
import { loadServerTlsOptions } from '../../api/tls/server-options.js';
import { writeTlsMaterial, type TlsMaterial } from '../../api/tls/tls-material.js';

const SERVER_NAME = 'ioms.test.internal';

/** Resolves every name to 127.0.0.1, as if DNS pointed the name at this server. */
const toLoopback: LookupFunction = (_hostname, options, callback) => {
  if (options.all === true) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

interface Served {
  readonly server: Server;
  readonly port: number;
  /** Codes of handshakes the server itself refused. */
  readonly refusals: string[];
}

async function serve(host: string, options: Parameters<typeof createServer>[0]): Promise<Served> {
  const refusals: string[] = [];
  const server = createServer(options, (_req, res) => {
    res.end('hello over tls');
  });
  server.on('tlsClientError', (error: NodeJS.ErrnoException) => refusals.push(error.code ?? error.message));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, refusals };
}

/** GET / and resolve with the body, or reject with the client's error. */
function get(url: string, options: object): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A bare TLS handshake; resolves with the negotiated protocol and cipher. */
function handshake(options: ConnectionOptions): Promise<{ protocol: string | null; cipher: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(options, () => {
      const result = { protocol: socket.getProtocol(), cipher: socket.getCipher().name };
      socket.end();
      resolve(result);
    });
    socket.on('error', reject);
  });
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

describe('TLS between the server and its clients', () => {
  let dir: string;
  let material: TlsMaterial;
  let otherCaFile: string;
  let v4: Served;
  let v6: Served;
  let wss: WebSocketServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ioms-tls-'));
    material = await writeTlsMaterial(join(dir, 'tls'), { hosts: [SERVER_NAME] });
    otherCaFile = join(dir, 'other-ca.pem');
    await writeFile(otherCaFile, createCertificateAuthority({ commonName: 'Someone else', days: 30 }).certPem);
    const serverOptions = loadServerTlsOptions({ certFile: material.certFile, keyFile: material.keyFile });
    v4 = await serve('127.0.0.1', serverOptions);
    v6 = await serve('::1', serverOptions);
    wss = new WebSocketServer({ server: v4.server });
    wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo:${String(data)}`)));
  });

  afterAll(async () => {
    wss.close();
    for (const served of [v4, v6]) {
      served.server.closeAllConnections();
      await new Promise((resolve) => served.server.close(resolve));
    }
    await rm(dir, { recursive: true, force: true });
  });

  describe('HTTPS requests', () => {
    const cases: {
      name: string;
      url: (port: number, v6port: number) => string;
      trust: 'our CA' | 'other CA' | 'default store';
      extra?: object;
      expected: string;
    }[] = [
      { name: 'our CA, by IPv4 address', url: (p) => `https://127.0.0.1:${p}/`, trust: 'our CA', expected: 'hello over tls' },
      { name: 'our CA, by localhost', url: (p) => `https://localhost:${p}/`, trust: 'our CA', extra: { lookup: toLoopback }, expected: 'hello over tls' },
      { name: 'our CA, by IPv6 address', url: (_p, p6) => `https://[::1]:${p6}/`, trust: 'our CA', expected: 'hello over tls' },
      { name: 'our CA, by the name in --hosts', url: (p) => `https://${SERVER_NAME}:${p}/`, trust: 'our CA', extra: { lookup: toLoopback }, expected: 'hello over tls' },
      { name: 'another CA is refused', url: (p) => `https://127.0.0.1:${p}/`, trust: 'other CA', expected: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
      { name: 'the default trust store is refused', url: (p) => `https://127.0.0.1:${p}/`, trust: 'default store', expected: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
      { name: 'a name not in the certificate is refused', url: (p) => `https://wrong.test.internal:${p}/`, trust: 'our CA', extra: { lookup: toLoopback }, expected: 'ERR_TLS_CERT_ALTNAME_INVALID' },
      { name: 'a loopback address not in the certificate is refused', url: (p) => `https://127.0.0.1:${p}/`, trust: 'our CA', extra: { servername: 'wrong.test.internal' }, expected: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    ];
    it.each(cases)('$name', async ({ url, trust, extra, expected }) => {
      const caFile = trust === 'our CA' ? material.caCertFile : trust === 'other CA' ? otherCaFile : undefined;
      const options = { ...clientTlsOptions({ caFile }), ...extra };
      const outcome = await get(url(v4.port, v6.port), options).catch((error: NodeJS.ErrnoException) => error.code ?? String(error));
      expect(outcome).toBe(expected);
    });
  });

  describe('protocol versions and ciphers', () => {
    it('negotiates TLS 1.3 with a modern client', async () => {
      const result = await handshake({ host: '127.0.0.1', port: v4.port, ...clientTlsOptions({ caFile: material.caCertFile }) });
      expect(result.protocol).toBe('TLSv1.3');
    });

    it('accepts a TLS 1.2 client with ECDHE and AES-GCM', async () => {
      const result = await handshake({
        host: '127.0.0.1', port: v4.port, ...clientTlsOptions({ caFile: material.caCertFile }),
        maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256',
      });
      expect(result).toEqual({ protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' });
    });

    // Offers old protocols with OpenSSL's security level lowered, so the CLIENT can speak them
    // and any refusal comes from the server. The control server below proves the client works.
    const legacyClient = { host: '127.0.0.1', rejectUnauthorized: false, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' } as const;

    it('refuses a client that speaks at most TLS 1.1', async () => {
      const before = v4.refusals.length;
      expect(await errorCode(handshake({ ...legacyClient, port: v4.port }))).toMatch(/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL/);
      await expect.poll(() => v4.refusals.slice(before)).toContainEqual(expect.stringMatching(/UNSUPPORTED_PROTOCOL/));
    });

    it('control: a server without our options accepts that same TLS 1.1 client', async () => {
      const ours = loadServerTlsOptions({ certFile: material.certFile, keyFile: material.keyFile });
      const legacy = await serve('127.0.0.1', { ...ours, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
      try {
        expect((await handshake({ ...legacyClient, port: legacy.port })).protocol).toBe('TLSv1.1');
      } finally {
        await new Promise((resolve) => legacy.server.close(resolve));
      }
    });

    const refusedCiphers = ['ECDHE-RSA-AES128-SHA', 'AES128-GCM-SHA256', 'AES256-SHA256'];
    it.each(refusedCiphers)('refuses a TLS 1.2 client offering only %s', async (cipher) => {
      const code = await errorCode(handshake({
        host: '127.0.0.1', port: v4.port, ...clientTlsOptions({ caFile: material.caCertFile }), maxVersion: 'TLSv1.2', ciphers: cipher,
      }));
      expect(code).toMatch(/HANDSHAKE_FAILURE|NO_SHARED_CIPHER/);
    });
  });

  describe('WSS with ws', () => {
    function open(url: string, caFile: string): Promise<string> {
      const checked = assertSecureUrl(url);
      return new Promise((resolve, reject) => {
        const socket = new WebSocket(checked.url, clientTlsOptions({ caFile }));
        socket.on('open', () => socket.send('ping'));
        socket.on('message', (data) => {
          socket.close();
          resolve(String(data));
        });
        socket.on('error', reject);
      });
    }

    it('connects and exchanges messages when it trusts our CA', async () => {
      expect(await open(`wss://127.0.0.1:${v4.port}/graphql`, material.caCertFile)).toBe('echo:ping');
    });

    it('refuses the server when it trusts another CA', async () => {
      expect(await errorCode(open(`wss://127.0.0.1:${v4.port}/graphql`, otherCaFile))).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    });
  });
});
