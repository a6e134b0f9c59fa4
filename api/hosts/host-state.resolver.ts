import { FieldResolver, Resolver, Root } from 'type-graphql';
import { hostState, HostStateEnum, type HostState } from './host-state.js';
import { HostType } from './host.type.js';

@Resolver(() => HostType)
export class HostStateFieldResolver {
  @FieldResolver(() => HostStateEnum, { description: 'ONLINE, OFFLINE or REVOKED: the one status word every command shows' })
  state(@Root() host: HostType): HostState {
    return hostState(host);
  }
}
