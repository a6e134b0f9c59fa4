/**
 * The sign a plan shows per action, as `ioms diff` and the dashboard's plan page print it.
 * Declared here, next to the action vocabulary, and sent with each plan item (`PlanItem.sign`),
 * so every client shows the server's sign instead of deriving its own.
 */
import { type PlanAction, type PlanActionType, Reason } from './plan-action.js';

/** `+` creates, `~` changes in place, `-` removes, `!` held: drift the agent leaves to a human. */
export const CHANGE_SIGNS = ['+', '~', '-', '!'] as const;
export type ChangeSign = (typeof CHANGE_SIGNS)[number];

/** The sign of each action type; a function of the reason where the type both creates and changes. */
const SIGN_BY_TYPE: Readonly<Record<PlanActionType, ChangeSign | ((reason: Reason) => ChangeSign)>> = {
  StartProcess: '+',
  UpdateProcess: '~',
  StopProcess: '-',
  RestartProcess: '~',
  PutFile: (reason) => (reason === Reason.MISSING ? '+' : '~'),
  RemoveFile: '-',
  SetCron: (reason) => (reason === Reason.MISSING ? '+' : '~'),
  RemoveCron: '-',
  Hold: '!',
};

/** The sign of one action: `PutFile` and `SetCron` add when the resource is missing, else change. */
export function changeSign(action: Pick<PlanAction, 'type' | 'reason'>): ChangeSign {
  const sign = SIGN_BY_TYPE[action.type];
  return typeof sign === 'function' ? sign(action.reason) : sign;
}
