/**
 * The graphql-ws transport for `rolloutProgressed`: the same URL, CA and token as the HTTP
 * client. Reconnecting is left to `watchRollout` (it resubscribes and re-reads the snapshot),
 * so the graphql-ws client itself never retries.
 */
import { createCliWsClient, type CliWsClientOptions } from '../ws-client.js';
import { ROLLOUT_PROGRESSED, type HostRolloutWire } from './manifest-wire.js';
import type { SubscribeRollout } from './watch-rollout.js';

export type RolloutEventsClientOptions = CliWsClientOptions;

export interface RolloutEventsClient {
  readonly subscribe: SubscribeRollout;
  dispose(): Promise<void>;
}

export function createRolloutEventsClient(o: RolloutEventsClientOptions): RolloutEventsClient {
  const { client, dispose } = createCliWsClient(o);
  return {
    subscribe: (sink) =>
      client.subscribe<{ rolloutProgressed: HostRolloutWire }>(
        { query: ROLLOUT_PROGRESSED },
        {
          next: (result) => {
            if (result.errors?.length) sink.error(result.errors);
            else if (result.data?.rolloutProgressed) sink.next(result.data.rolloutProgressed);
          },
          error: (err) => sink.error(err),
          complete: () => sink.complete(),
        },
      ),
    dispose,
  };
}
