/**
 * The graphql-ws transport for `jobProgressed`: the same URL, CA and token as the HTTP client.
 * Reconnecting is left to `followJobEvents` (it resubscribes with the last seq), so the
 * graphql-ws client itself never retries.
 */
import { createCliWsClient, type CliWsClientOptions } from '../ws-client.js';
import type { SubscribeJobEvents } from './job-event-stream.js';
import { JOB_PROGRESSED, type JobEventWire } from './job-wire.js';

export type JobEventsClientOptions = CliWsClientOptions;

export interface JobEventsClient {
  readonly subscribe: (jobId: string) => SubscribeJobEvents;
  dispose(): Promise<void>;
}

export { graphqlWsUrl } from '../ws-client.js';

export function createJobEventsClient(o: JobEventsClientOptions): JobEventsClient {
  const { client, dispose } = createCliWsClient(o);
  return {
    subscribe: (jobId) => (afterSeq, sink) =>
      client.subscribe<{ jobProgressed: JobEventWire }>(
        { query: JOB_PROGRESSED, variables: { jobId, afterSeq } },
        {
          next: (result) => {
            if (result.errors?.length) sink.error(result.errors);
            else if (result.data?.jobProgressed) sink.next(result.data.jobProgressed);
          },
          error: (err) => sink.error(err),
          complete: () => sink.complete(),
        },
      ),
    dispose,
  };
}
