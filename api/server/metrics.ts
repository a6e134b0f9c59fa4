import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance (its own registry, so tests can run several). */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({ name: 'ioms_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly httpDuration = new Histogram({ name: 'ioms_http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['method', 'route'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [this.registry] });
  readonly openSockets = new Gauge({ name: 'ioms_websockets_open', help: 'Open WebSocket connections', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ioms_' });
  }

  /** Express middleware timing every request; routes are bucketed so labels stay bounded. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const stop = this.httpDuration.startTimer();
      res.on('finish', () => {
        // originalUrl: a mounted handler (Apollo at /graphql) sees its own path rewritten.
        const route = routeLabel(req.method, new URL(req.originalUrl, 'http://x').pathname);
        stop({ method: req.method, route });
        this.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }
}

/** The route a request matched, as the router declares it (api/artifacts/artifact-routes.ts). */
export function routeLabel(method: string, path: string): string {
  if (path === '/graphql' || path === '/healthz' || path === '/readyz' || path === '/metrics') return path;
  if (/^\/artifacts\/[^/]+$/.test(path)) return method === 'PUT' ? '/artifacts/:name' : '/artifacts/:sha256';
  return 'other';
}
