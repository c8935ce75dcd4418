// Moves one side's record of a hire to its next phase (domain/network/handshake.ts) and traces
// the move, in one transaction: the record moves only from the version it was read at, so of two
// writers (a retry, a resumed process) one wins, and only the winner's move is traced.

import { canMove } from '../../domain/network/handshake.js';
import type { Handshake, HandshakeChange, Store } from '../../store/store.js';

/** The spec the handshake's trace events name. */
export const HANDSHAKE_SPEC_ID = 'FR-NET-003';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Moves `handshake` (as read) to `change.phase` at `at`; false when another writer moved it
 * first. A move the phases do not allow throws: it is a bug, not a race.
 */
export function moveHandshake(
  store: Store,
  handshake: Handshake,
  change: HandshakeChange,
  at: Date,
): Promise<boolean> {
  if (!canMove(handshake.phase, change.phase)) {
    throw new Error(`a hire cannot move from ${handshake.phase} to ${change.phase}`);
  }
  return store.transaction(async (tx) => {
    const moved = await tx.handshakes.move(
      handshake.role,
      handshake.task_id,
      handshake.state_version,
      change,
      at,
    );
    if (!moved) return false;
    await tx.traces.write([
      {
        kind: 'handshake-move',
        spec_id: HANDSHAKE_SPEC_ID,
        campaign_id: null,
        task_id: UUID.test(handshake.task_id) ? handshake.task_id : null,
        agent_id: handshake.agent_id,
        attempt: null,
        duration_ms: null,
        outcome: change.phase,
        detail: {
          role: handshake.role,
          a2a_task_id: handshake.task_id,
          from: handshake.phase,
          counterparty: handshake.counterparty,
          ...(change.failure && { failure: change.failure }),
        },
      },
    ]);
    return true;
  });
}
