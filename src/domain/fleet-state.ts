// What an agent is doing, as the fleet view shows it, from the states of its open tasks.

/** An agent's state: frozen by a person, or what its open work is doing. */
export type FleetState = 'frozen' | 'judging' | 'working' | 'planning' | 'sleeping';

/**
 * The state of an agent with `open` tasks per status: frozen wins; then a result being judged,
 * a skill running, work queued or waiting to be queued (or for a person); else it sleeps.
 */
export function fleetState(
  frozen: boolean,
  open: Readonly<Partial<Record<string, number>>>,
): FleetState {
  if (frozen) return 'frozen';
  if ((open.judging ?? 0) > 0) return 'judging';
  if ((open.running ?? 0) > 0) return 'working';
  const waiting = (open.pending ?? 0) + (open.queued ?? 0) + (open.awaiting_review ?? 0);
  return waiting > 0 ? 'planning' : 'sleeping';
}
