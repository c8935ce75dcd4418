// The work this node sells to other nodes' agents (network/a2a/hire-provider.ts's HiredWork):
// the offered skills, at the configured price, each run by the swarm's skill runner and scored by
// its Judge like any task's result. The run's costs are charged to no agent (the CFO knows
// none), so a skill that would spend money fails rather than spend unpaid; offer only skills that
// cost nothing to run (CHIMERA_NETWORK_OFFER).

import { randomUUID } from 'node:crypto';
import type { Task } from '../domain/task.js';
import { loadSentenceEncoder } from '../models/sentence-encoder/sentence-encoder.js';
import type { HiredRun, HiredWork } from '../network/a2a/hire-provider.js';
import type { AnySkill, SkillServices } from '../skills/skill.js';
import type { Judge } from '../swarm/judge.js';
import { runSkill } from '../swarm/skill-runner.js';

/** The agent id hired runs go under: no such agent exists, so nothing can be spent for them. */
const HIRED_RUN_AGENT = 'network-hire';

export function hiredWork(options: {
  offered: readonly AnySkill[];
  priceCents: number;
  services: SkillServices;
  judge: Judge;
  now?: () => Date;
}): HiredWork {
  const offered = new Map(options.offered.map((skill) => [skill.name, skill]));
  const now = options.now ?? (() => new Date());
  return {
    offers: (skill) => offered.has(skill),
    priceCents: () => BigInt(options.priceCents),
    // The Judge's policies and the Scout's sentiment classifier share the offline sentence encoder.
    ready: async () => {
      await Promise.all([options.judge.prepare(), loadSentenceEncoder()]);
    },
    async run(name, input, signal): Promise<HiredRun> {
      const skill = offered.get(name);
      const task = hiredTask(name, skill?.specId ?? name, input, now());
      const outcome = await runSkill(skill, task, {
        now: now(),
        services: options.services,
        signal,
      });
      if (outcome.kind === 'error') return { ok: false, reason: outcome.error.message };
      if (!skill) return { ok: false, reason: `no skill '${name}'` };
      const verdict = await options.judge.judge({
        task,
        skill,
        output: outcome.output,
        confidence: outcome.confidence,
      });
      if (verdict.decision === 'reject') {
        return {
          ok: false,
          reason: `the Judge rejected the result: ${verdict.reasons.join('; ')}`,
        };
      }
      return {
        ok: true,
        output: outcome.output as Record<string, unknown>,
        quality: verdict.confidence,
      };
    },
  };
}

/** A task record for one hired run: it lives only for the run and the Judge. */
function hiredTask(type: string, specId: string, input: unknown, at: Date): Task {
  return {
    id: randomUUID(),
    campaign_id: randomUUID(),
    campaign_run_id: randomUUID(),
    agent_id: HIRED_RUN_AGENT,
    step_key: 'hired',
    type,
    spec_id: specId,
    priority: 'medium',
    deadline: null,
    depends_on: [],
    has_dependents: false,
    input,
    output: null,
    feedback: [],
    status: 'running',
    attempt: 1,
    max_attempts: 1,
    idempotency_key: randomUUID(),
    state_version: 0,
    assigned_worker_id: null,
    lease_expires_at: null,
    run_at: null,
    dispatched_at: null,
    error_code: null,
    created_at: at,
    updated_at: at,
  };
}
