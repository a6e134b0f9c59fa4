import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * The one pub/sub the server uses (type-graphql's PubSub shape). In-process by default; with
 * `IOMS_REDIS_URL` every replica publishes to and hears from Redis, so an event raised on one
 * replica reaches subscribers connected to another. Payloads must survive JSON.
 */
export interface PubSub {
  publish(topic: string, payload: unknown): void;
  /** Publishes several payloads on one topic as one message between replicas; subscribers see each. */
  publishMany(topic: string, payloads: readonly unknown[]): void;
  /** Delivers to this replica's subscribers only (a replica handing out what it received for its own sockets). */
  emitLocal(topic: string, payload: unknown): void;
  subscribe(topic: string): AsyncIterable<unknown>;
  /**
   * Calls `listener` with each payload on `topic` until {@link PubSub.unlisten}: a push with no
   * queue and no iterator, for a subscriber held for a socket's life that sends at once (an
   * agent's instruction stream, api/server/agent-lane.ts).
   */
  listen(topic: string, listener: (payload: unknown) => void): void;
  unlisten(topic: string, listener: (payload: unknown) => void): void;
  close(): Promise<void>;
}

/** Events a slow subscriber may lag behind before the oldest are dropped. */
export const MAX_PENDING_EVENTS = 1000;
/**
 * The namespace of a cluster's Redis channels (`<namespace>:<topic>`). Redis pub/sub ignores the
 * database number in the URL, so two clusters on one Redis (staging and production, say) would
 * hear each other's events unless each has its own namespace.
 * @default 'ioms' (IOMS_REDIS_CHANNEL_PREFIX)
 */
export const DEFAULT_CHANNEL_NAMESPACE = 'ioms';

export function createPubSub(opts: { redisUrl?: string; channelNamespace?: string; logger?: Logger } = {}): PubSub {
  return opts.redisUrl ? new RedisPubSub(opts.redisUrl, opts.channelNamespace ?? DEFAULT_CHANNEL_NAMESPACE, opts.logger) : new LocalPubSub(opts.logger);
}

class LocalPubSub implements PubSub {
  protected readonly emitter = new EventEmitter().setMaxListeners(0);
  constructor(readonly logger?: Logger) {}

  publish(topic: string, payload: unknown): void {
    this.emitter.emit(topic, payload);
  }

  publishMany(topic: string, payloads: readonly unknown[]): void {
    for (const p of payloads) this.emitter.emit(topic, p);
  }

  emitLocal(topic: string, payload: unknown): void {
    this.emitter.emit(topic, payload);
  }

  subscribe(topic: string): AsyncIterable<unknown> {
    return { [Symbol.asyncIterator]: () => this.iterate(topic) };
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }

  protected onFirstListener(_topic: string): void {}
  protected onLastListener(_topic: string): void {}

  listen(topic: string, listener: (payload: unknown) => void): void {
    if (this.emitter.listenerCount(topic) === 0) this.onFirstListener(topic);
    this.emitter.on(topic, listener);
  }

  private iterate(topic: string): AsyncIterator<unknown> {
    const it = new TopicIterator(this, topic);
    this.listen(topic, it.listener);
    return it;
  }

  unlisten(topic: string, listener: (payload: unknown) => void): void {
    this.emitter.off(topic, listener);
    if (this.emitter.listenerCount(topic) === 0) this.onLastListener(topic);
  }
}

/**
 * One subscriber's queue. A class rather than closures: an agent holds one for its socket's life,
 * and under tsx every named closure also costs a dictionary of its own (see
 * api/server/graphql-ws-server.ts); only `listener` is a closure (the emitter needs a function).
 */
class TopicIterator implements AsyncIterator<unknown> {
  private readonly queue: unknown[] = [];
  private wake: ((r: IteratorResult<unknown>) => void) | undefined;
  private done = false;
  readonly listener: (payload: unknown) => void;

  constructor(
    private readonly owner: LocalPubSub,
    private readonly topic: string,
  ) {
    this.listener = this.deliver.bind(this);
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift(), done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.wake = resolve));
  }

  return(): Promise<IteratorResult<unknown>> {
    return Promise.resolve(this.finish());
  }

  throw(err: unknown): Promise<IteratorResult<unknown>> {
    this.finish();
    return Promise.reject(err);
  }

  private deliver(payload: unknown): void {
    if (this.wake) {
      const w = this.wake;
      this.wake = undefined;
      w({ value: payload, done: false });
      return;
    }
    this.queue.push(payload);
    if (this.queue.length > MAX_PENDING_EVENTS) {
      this.queue.shift();
      this.owner.logger?.warn({ topic: this.topic }, 'subscriber too slow: dropped the oldest pending event');
    }
  }

  private finish(): IteratorResult<unknown> {
    if (!this.done) {
      this.done = true;
      this.owner.unlisten(this.topic, this.listener);
      this.wake?.({ value: undefined, done: true });
    }
    return { value: undefined, done: true };
  }
}

class RedisPubSub extends LocalPubSub {
  private readonly pub: Redis;
  private readonly sub: Redis;

  /** `<namespace>:<topic>` carries one event. */
  private readonly channelPrefix: string;
  /** `<namespace>:batch:<topic>` carries a `publishMany` JSON array, each element delivered as one event. */
  private readonly batchPrefix: string;

  constructor(url: string, namespace: string, logger?: Logger) {
    super(logger);
    this.channelPrefix = `${namespace}:`;
    this.batchPrefix = `${namespace}:batch:`;
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    // No ready check on the subscriber: its INFO would be refused once the connection is in subscriber
    // mode (channels are subscribed as agents connect, possibly before the first ready).
    this.sub = new Redis(url, { lazyConnect: false, enableReadyCheck: false });
    for (const client of [this.pub, this.sub]) client.on('error', (err) => logger?.error({ err }, 'redis pub/sub error'));
    this.sub.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(this.channelPrefix)) return;
      try {
        const parsed = JSON.parse(message) as unknown;
        if (channel.startsWith(this.batchPrefix)) for (const p of parsed as unknown[]) this.emitter.emit(channel.slice(this.batchPrefix.length), p);
        else this.emitter.emit(channel.slice(this.channelPrefix.length), parsed);
      } catch (err) {
        logger?.warn({ err, channel }, 'ignored a malformed pub/sub message');
      }
    });
  }

  override publish(topic: string, payload: unknown): void {
    void this.pub.publish(this.channelPrefix + topic, JSON.stringify(payload)).catch((err: unknown) => this.logger?.error({ err, topic }, 'redis publish failed'));
  }

  override publishMany(topic: string, payloads: readonly unknown[]): void {
    if (payloads.length === 0) return;
    void this.pub.publish(this.batchPrefix + topic, JSON.stringify(payloads)).catch((err: unknown) => this.logger?.error({ err, topic }, 'redis publish failed'));
  }

  protected override onFirstListener(topic: string): void {
    void this.sub.subscribe(this.channelPrefix + topic, this.batchPrefix + topic).catch((err: unknown) => this.logger?.error({ err, topic }, 'redis subscribe failed'));
  }

  protected override onLastListener(topic: string): void {
    void this.sub.unsubscribe(this.channelPrefix + topic, this.batchPrefix + topic).catch(() => undefined);
  }

  override async close(): Promise<void> {
    await super.close();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
