// Tasks: filtered lists, and one task with its latest result, the Judge's verdict and its trace
// (viewer). Tasks change only through the swarm; no service writes them directly.

import type { Actor } from '../domain/actor.js';
import type { Task } from '../domain/task.js';
import type { TraceEvent } from '../domain/trace-event.js';
import type { ResultRecord, TaskFilter } from '../store/store.js';
import { found } from './access-check.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** A task as an operator inspects it. */
export interface TaskDetail {
  task: Task;
  /** The latest attempt's result and verdict; null before the first run ends. */
  result: ResultRecord | null;
  trace: Array<TraceEvent & { at: Date }>;
}

export class TaskService {
  constructor(private readonly deps: ServiceDependencies) {}

  list(actor: Actor, filter: TaskFilter): Promise<Task[]> {
    return this.deps.store.tenantViews.listTasks(actor.tenantId, filter);
  }

  async show(actor: Actor, id: string): Promise<TaskDetail> {
    const { store } = this.deps;
    const task = found(await store.tenantViews.getTask(actor.tenantId, id), 'task', id);
    return {
      task,
      result: (await store.results.latest(id)) ?? null,
      trace: await store.traces.listByTask(id),
    };
  }
}
