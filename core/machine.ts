/** A state machine as a table: for each state, the events it allows and the state each leads to. */
export type Machine<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

/** The state an event leads to, or null when the machine does not allow it from here. */
export function nextState<S extends string, E extends string>(machine: Machine<S, E>, from: S, event: E): S | null {
  return machine[from]?.[event] ?? null;
}

/** Whether the machine allows the event from this state (what the screens offer follows from it). */
export function allows<S extends string, E extends string>(machine: Machine<S, E>, from: S, event: E): boolean {
  return nextState(machine, from, event) !== null;
}
