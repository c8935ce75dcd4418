// @a2a-js/sdk's TaskStore on Chimera's store: each A2A task's wire JSON in a2a_tasks, owned by the
// node that opened it (the verified signer, the call's user), so another node asking for it finds
// nothing. It lets a restarted provider answer GetTask for tasks from before the restart. Listing
// tasks is not offered: a hirer keeps its own record of its hires.

import { Task } from '@a2a-js/sdk';
import { UnsupportedOperationError } from '@a2a-js/sdk/errors';
import type { ServerCallContext, TaskStore } from '@a2a-js/sdk/server';
import type { Store } from '../../store/store.js';

export class HandshakeTaskStore implements TaskStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(task: Task, context: ServerCallContext): Promise<void> {
    const json = Task.toJSON(task) as Record<string, unknown>;
    await this.store.handshakes.saveTask(task, json, ownerOf(context), this.now());
  }

  async load(taskId: string, context: ServerCallContext): Promise<Task | undefined> {
    const json = await this.store.handshakes.loadTask(taskId, ownerOf(context));
    return json && Task.fromJSON(json);
  }

  async list(): Promise<never> {
    throw new UnsupportedOperationError('ListTasks is not offered; keep a record of your hires');
  }
}

function ownerOf(context: ServerCallContext): string {
  const owner = context.user?.userName;
  if (!owner) throw new Error('an A2A task was used without a verified caller');
  return owner;
}
