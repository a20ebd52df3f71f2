import { nextState, type Machine } from '../../core/machine';
import { AppError } from '../../core/errors';

/** The state an event leads to; a refusal the user can read when the machine does not allow it. */
export function must<S extends string, E extends string>(machine: Machine<S, E>, from: S, event: E, refusal: string): S {
  const next = nextState(machine, from, event);
  if (next === null) throw new AppError('STATE_CONFLICT', refusal);
  return next;
}
