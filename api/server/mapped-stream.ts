import type { ExecutionResult } from 'graphql';

/**
 * A subscription's source stream as graphql-ws iterates it, each event turned into its result by
 * `view`. An iterator object, not a generator: `return()` must end a stream that is waiting for
 * its next event. A class, so that a stream held for a socket's life has its methods on the
 * prototype instead of closures of its own (under tsx each named closure is also a
 * dictionary-mode object). Used by the agent's instruction stream (agent-fast-path.ts) and the
 * leaf subscriptions (leaf-subscriptions.ts).
 */
export class MappedStream implements AsyncGenerator<ExecutionResult> {
  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly view: (event: unknown) => ExecutionResult | Promise<ExecutionResult>,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    const n = await this.source.next();
    return n.done ? { value: undefined, done: true } : { value: await this.view(n.value), done: false };
  }

  async return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    await this.source.return?.();
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<ExecutionResult, undefined>> {
    await this.source.return?.();
    throw err;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }
}
