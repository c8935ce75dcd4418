// The domain: schemas, the task state machine and policies. Plain TypeScript, no I/O.

export * from './agent.js';
export * from './backoff.js';
export * from './campaign.js';
export * from './campaign-template.js';
export * from './errors.js';
export * from './field-problems.js';
export * from './judge-routing.js';
export * from './plan.js';
export * from './review.js';
export * from './task.js';
export * from './task-result.js';
export * from './task-state-machine.js';
export * from './task-status.js';
export * from './trace-event.js';
export * from './verdict.js';
