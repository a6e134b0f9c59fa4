import type { IncomingMessage } from 'node:http';

/**
 * Browser sessions: the dashboard's session token lives in an HttpOnly, SameSite=Strict cookie,
 * so the page's script never holds it. The cookie is honoured only on requests a browser marks
 * as coming from this very origin (`Sec-Fetch-Site: same-origin`, or else an `Origin` equal to
 * the request's own host): another site can neither read it nor make the browser spend it, over
 * HTTP or over the WebSocket. Non-browser clients (CLI, agents) send bearer tokens instead.
 */
export const SESSION_COOKIE = 'ioms_session';

/** Cookie header → the value of `name` (first occurrence), undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * True when the browser says the request comes from a page of this origin. Fetch metadata wins
 * when present (every current browser sends it); otherwise the Origin header must name the host
 * the request was sent to. A request with neither is not a browser's and gets no cookie session.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const site = header(req, 'sec-fetch-site');
  const origin = header(req, 'origin');
  const host = header(req, 'host');
  if (origin !== undefined) {
    // Always checked when sent (WebSocket upgrades and POSTs carry it): it must be our own host.
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return false;
    }
    if (!host || originHost.toLowerCase() !== host.toLowerCase()) return false;
  }
  if (site !== undefined) return site === 'same-origin';
  return origin !== undefined;
}

/** The session token from the cookie, only for same-origin browser requests. */
export function cookieToken(req: IncomingMessage): string | undefined {
  const token = readCookie(header(req, 'cookie'), SESSION_COOKIE);
  if (!token) return undefined;
  return isSameOrigin(req) ? token : undefined;
}

/** Set-Cookie value for a new session. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join('; ');
}
