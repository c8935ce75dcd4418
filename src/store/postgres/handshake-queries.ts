// Hires between nodes (migration 0018): each side's handshake record, moved phase by phase under
// its state_version, and the provider's A2A tasks as the SDK saves them. It decides nothing: the
// phases' rules are domain/network/handshake.ts, the handshake itself network/a2a.

import type { Kysely, Selectable } from 'kysely';
import type { HandshakePhase } from '../../domain/network/handshake.js';
import type { Handshake, HandshakeChange, HandshakeRepository, HandshakeRole } from '../store.js';
import type { ChimeraSchema, NetworkHandshakesTable } from './schema.js';

const OPEN_PHASES: readonly HandshakePhase[] = ['negotiation', 'execution', 'settlement'];

export class PostgresHandshakeRepository implements HandshakeRepository {
  constructor(private readonly db: Kysely<ChimeraSchema>) {}

  async open(handshake: Omit<Handshake, 'state_version' | 'updated_at'>): Promise<Handshake> {
    await this.db
      .insertInto('network_handshakes')
      .values({
        ...handshake,
        input: JSON.stringify(handshake.input),
        quote: JSON.stringify(handshake.quote),
        result: JSON.stringify(handshake.result),
        receipt: JSON.stringify(handshake.receipt),
        updated_at: handshake.created_at,
      })
      .onConflict((conflict) => conflict.columns(['role', 'task_id']).doNothing())
      .execute();
    const stored = await this.get(handshake.role, handshake.task_id);
    if (!stored) throw new Error(`handshake ${handshake.task_id} vanished as it was opened`);
    return stored;
  }

  async get(role: HandshakeRole, taskId: string): Promise<Handshake | undefined> {
    const row = await this.db
      .selectFrom('network_handshakes')
      .selectAll()
      .where('role', '=', role)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    return row && handshakeOf(row);
  }

  async move(
    role: HandshakeRole,
    taskId: string,
    version: number,
    change: HandshakeChange,
    at: Date,
  ): Promise<boolean> {
    const { quote, result, receipt, ...plain } = change;
    const moved = await this.db
      .updateTable('network_handshakes')
      .set((eb) => ({
        ...plain,
        ...(quote !== undefined && { quote: JSON.stringify(quote) }),
        ...(result !== undefined && { result: JSON.stringify(result) }),
        ...(receipt !== undefined && { receipt: JSON.stringify(receipt) }),
        state_version: eb('state_version', '+', 1),
        updated_at: at,
      }))
      .where('role', '=', role)
      .where('task_id', '=', taskId)
      .where('state_version', '=', version)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows) > 0;
  }

  async listOpen(role: HandshakeRole, limit: number): Promise<Handshake[]> {
    const rows = await this.db
      .selectFrom('network_handshakes')
      .selectAll()
      .where('role', '=', role)
      .where('phase', 'in', [...OPEN_PHASES])
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(handshakeOf);
  }

  async saveTask(
    task: { id: string; contextId: string },
    json: Record<string, unknown>,
    owner: string,
    at: Date,
  ): Promise<void> {
    const values = { task: JSON.stringify(json), updated_at: at };
    await this.db
      .insertInto('a2a_tasks')
      .values({ id: task.id, owner, context_id: task.contextId, ...values })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet(values).where('a2a_tasks.owner', '=', owner),
      )
      .execute();
  }

  async loadTask(id: string, owner: string): Promise<Record<string, unknown> | undefined> {
    const row = await this.db
      .selectFrom('a2a_tasks')
      .select('task')
      .where('id', '=', id)
      .where('owner', '=', owner)
      .executeTakeFirst();
    return row?.task;
  }
}

function handshakeOf(row: Selectable<NetworkHandshakesTable>): Handshake {
  return {
    ...row,
    role: row.role as HandshakeRole,
    phase: row.phase as HandshakePhase,
  };
}
