import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, Router } from 'express';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { clearedSessionCookie, cookieToken, isSameOrigin, sessionCookie } from '../auth/browser-session.js';
import type { AuthResult } from '../auth/principal.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Services } from '../services.js';
import { clientIp } from './client-ip.js';

/** Where `npm run build:web` writes the static export. */
export const DEFAULT_DASHBOARD_DIR = path.join(import.meta.dirname, '..', '..', 'web', 'out');

/** Paths the API owns: never answered with a dashboard page. */
const API_PATHS = /^\/(graphql|artifacts|healthz|readyz|metrics|session)(\/|$)/;

/**
 * Pages are static files; hostile data reaches them only as text through React, and this policy
 * is the second wall: no foreign script, frame, object or connection. Next's export inlines its
 * bootstrap scripts, hence 'unsafe-inline' for scripts (no eval).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const LOGIN = parse('mutation DashboardLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token expiresAt user { username role } } }');
const LOGOUT = parse('mutation DashboardLogout { logout }');

export interface DashboardRoutesOptions {
  readonly schema: GraphQLSchema;
  readonly services: Services;
  readonly secure: boolean;
  /** The static export (`web/out`). @default DEFAULT_DASHBOARD_DIR */
  readonly dir?: string;
}

/**
 * The dashboard: `POST /session` signs in (the same `login` mutation, throttle and audit as the
 * API) and answers with an HttpOnly cookie instead of a token; `POST /session/logout` ends the
 * session; every other non-API GET is a page of the static export, and unknown paths get the
 * app's 404 page.
 */
export function dashboardRoutes(opts: DashboardRoutesOptions): Router {
  const { schema, services, secure } = opts;
  const dir = opts.dir ?? DEFAULT_DASHBOARD_DIR;
  const router = Router();

  const context = (req: Request, auth: AuthResult): GraphQLContext => ({
    em: services.orm.em.fork(),
    auth,
    ip: clientIp(req, services.config.trustProxyHops),
    userAgent: req.headers['user-agent'],
    transport: 'http',
    services,
  });
  const refuseCrossOrigin = (req: Request, res: Response): boolean => {
    if (isSameOrigin(req)) return false;
    res.status(403).json({ error: 'cross-origin request refused', code: 'FORBIDDEN' });
    return true;
  };

  router.post('/session', express.json({ limit: 4096 }), async (req, res) => {
    if (refuseCrossOrigin(req, res)) return;
    const body = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof body.username !== 'string' || typeof body.password !== 'string' || !body.username) {
      res.status(400).json({ error: 'username and password are required', code: 'BAD_INPUT' });
      return;
    }
    const result = await execute({ schema, document: LOGIN, variableValues: { username: body.username, password: body.password }, contextValue: context(req, { ok: false, failure: { code: 'NO_TOKEN' } }) });
    const error = result.errors?.[0];
    if (error || !result.data) {
      const code = String(error?.extensions?.code ?? 'INTERNAL');
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'TOO_MANY_REQUESTS' ? 429 : 500;
      res.status(status).json({ error: status === 500 ? 'sign-in failed' : (error?.message ?? 'sign-in failed'), code });
      return;
    }
    const login = result.data.login as { token: string; expiresAt: string | Date; user: { username: string; role: string } };
    const expiresAt = new Date(login.expiresAt);
    res.setHeader('Set-Cookie', sessionCookie(login.token, (expiresAt.getTime() - services.now().getTime()) / 1000, secure));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ user: login.user, expiresAt: expiresAt.toISOString() });
  });

  router.post('/session/logout', async (req, res) => {
    if (refuseCrossOrigin(req, res)) return;
    const token = cookieToken(req);
    if (token) {
      const ctx = context(req, { ok: false, failure: { code: 'NO_TOKEN' } });
      const auth = await services.sessions.authenticate(ctx.em, token, ctx.ip);
      if (auth.ok) await execute({ schema, document: LOGOUT, contextValue: { ...ctx, auth } });
    }
    res.setHeader('Set-Cookie', clearedSessionCookie(secure));
    res.json({ ok: true });
  });

  router.get(/.*/, (req, res, next) => {
    if (API_PATHS.test(req.path)) return next();
    const file = pageFile(dir, req.path);
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    if (!fs.existsSync(path.join(dir, 'index.html'))) {
      res.status(503).type('text/plain').send('The dashboard is not built. Run `npm run build:web` (or `npm start`, which builds it).\n');
      return;
    }
    if (!file) {
      res.status(404).sendFile(path.join(dir, '404.html'));
      return;
    }
    // Hashed assets never change; pages must be fetched again after a rebuild.
    res.setHeader('Cache-Control', file.includes(`${path.sep}_next${path.sep}static${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.sendFile(file);
  });
  return router;
}

/** The export's file for a URL path (`/hosts` and `/hosts/` → hosts/index.html), or undefined. */
export function pageFile(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const resolved = path.resolve(dir, `.${path.posix.normalize(decoded)}`);
  if (resolved !== dir && !resolved.startsWith(dir + path.sep)) return undefined;
  for (const candidate of [resolved, path.join(resolved, 'index.html'), `${resolved}.html`]) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}
