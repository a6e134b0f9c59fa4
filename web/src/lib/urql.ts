'use client';
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** graphql-ws closes with this when the session is missing or expired. */
const CLOSE_UNAUTHORIZED = 4401;

/** The login page, remembering where the user was so signing in brings them back. */
export function loginHref(next?: string): string {
  const here = next ?? (typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search);
  return here.startsWith('/login') ? '/login/' : `/login/?next=${encodeURIComponent(here)}`;
}

/** Only same-site paths: `?next=https://elsewhere` must not become an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

let leaving = false;

/** Signing out: the socket the server closes meanwhile must not redirect to the login page with a `next`. */
export function suppressLoginRedirect(): void {
  leaving = true;
}

export function goToLogin(): void {
  if (leaving || typeof window === 'undefined' || window.location.pathname.startsWith('/login')) return;
  window.location.assign(loginHref());
}

/** Whether a connection event reports the session is gone (`onStatus` feeds the offline banner). */
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting';

/**
 * One urql client per page load. Queries and mutations go over HTTP, subscriptions over
 * graphql-ws on the same `/graphql` path; both carry the HttpOnly session cookie, so the page's
 * script never sees the token. An UNAUTHENTICATED answer or a 4401 close sends the user to the
 * login page with the current place kept.
 */
export function createDashboardClient(onStatus: (s: LinkStatus) => void): { client: Client; ws: WsClient } {
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  const ws = createWsClient({
    url: wsUrl,
    // Connected from the start: the header's live indicator tells the truth on every page.
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !(event && typeof event === 'object' && 'code' in event && (event as CloseEvent).code === CLOSE_UNAUTHORIZED),
    on: {
      connecting: () => onStatus('connecting'),
      connected: () => onStatus('connected'),
      closed: (event) => {
        if (event && typeof event === 'object' && 'code' in event && (event as CloseEvent).code === CLOSE_UNAUTHORIZED) goToLogin();
        else onStatus('reconnecting');
      },
    },
  });
  const client = new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } },
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || error.response?.status === 401) goToLogin();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, ws };
}
