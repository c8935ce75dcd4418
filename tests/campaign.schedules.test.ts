// FR-PLAN-006: a campaign on a schedule makes one run per occurrence, each with its own DAG; runs
// never overlap unless allowed; occurrences missed while down are folded into one run; pause
// stops the occurrences and resume restarts them from the next one. The clock is moved by hand.

import { afterEach, describe, expect, it } from 'vitest';
import type { Campaign } from '../src/domain/campaign.js';
import { ManualClock } from './support/manual-clock.js';
import { campaignOf, singleStep, useTestApp } from './support/test-app.js';
import { ADAPTERS } from './support/test-databases.js';

const MINUTE = 60_000;

describe.each(ADAPTERS)('campaign schedules on %s', (kind) => {
  const clock = new ManualClock(new Date('2026-11-30T09:00:00Z'));
  const suite = useTestApp(kind, { now: () => clock.now() });
  const launched: Campaign[] = [];

  /** Launches a one-step campaign on `schedule`; its step reports `confidence`. */
  async function launch(schedule: Record<string, unknown>, confidence = 1): Promise<Campaign> {
    const campaign = await suite.app.planner.launch({
      ...campaignOf(singleStep('core.noop', { confidence })),
      schedule,
    });
    launched.push(campaign);
    return campaign;
  }

  const runsOf = async (campaign: Campaign) =>
    (await suite.app.store.campaignRuns.listByCampaign(campaign.id, 100)).reverse();
  const tasksOf = (campaign: Campaign) => suite.app.store.tasks.listByCampaign(campaign.id);
  const campaignNow = async (campaign: Campaign) =>
    (await suite.app.store.campaigns.get(campaign.id)) as Campaign;

  // A recurring campaign runs on: each test stops its own so the next sees none of its runs.
  afterEach(async () => {
    for (const campaign of launched.splice(0)) {
      const now = await campaignNow(campaign);
      if (now.status !== 'active' && now.status !== 'paused') continue;
      const actor = await suite.app.localActor({ user: 'test' });
      await suite.app.operator.campaigns.control(actor, campaign.id, 'cancel');
    }
  });

  it('makes one run per occurrence of a one-minute interval, none overlapping', async () => {
    const campaign = await launch({ kind: 'interval', every: '1m' });
    expect(campaign.next_run_at).toEqual(new Date(clock.now().getTime() + MINUTE));
    await suite.app.runtime.runUntilQuiescent();
    for (let minute = 1; minute <= 3; minute++) {
      await clock.advance(MINUTE);
      await suite.app.runtime.runUntilQuiescent();
    }

    const runs = await runsOf(campaign);
    expect(runs.map((run) => [run.seq, run.status, run.folded])).toEqual([
      [1, 'completed', 0],
      [2, 'completed', 0],
      [3, 'completed', 0],
      [4, 'completed', 0],
    ]);
    const started = runs.map(
      (run) => run.scheduled_for.getTime() - runs[0]!.scheduled_for.getTime(),
    );
    expect(started).toEqual([0, MINUTE, 2 * MINUTE, 3 * MINUTE]);
    for (const [index, run] of runs.entries()) {
      const next = runs[index + 1];
      if (next) expect(run.finished_at!.getTime()).toBeLessThanOrEqual(next.started_at.getTime());
    }
    const tasks = await tasksOf(campaign);
    expect(tasks).toHaveLength(4);
    expect(new Set(tasks.map((task) => task.campaign_run_id))).toEqual(
      new Set(runs.map((run) => run.id)),
    );
    expect(tasks.every((task) => task.status === 'done')).toBe(true);
    expect((await campaignNow(campaign)).status).toBe('active');
  });

  it('runs once, not ten times, after ten minutes of downtime on a one-minute schedule', async () => {
    const campaign = await launch({ kind: 'interval', every: '1m' });
    await suite.app.runtime.runUntilQuiescent();
    // Nothing sweeps for ten minutes: the runtime is down.
    await clock.advance(10 * MINUTE);
    await suite.app.runtime.runUntilQuiescent();

    const runs = await runsOf(campaign);
    expect(runs.map((run) => [run.seq, run.folded])).toEqual([
      [1, 0],
      [2, 9],
    ]);
    expect(runs[1]!.scheduled_for.getTime() - runs[0]!.scheduled_for.getTime()).toBe(10 * MINUTE);
    expect((await campaignNow(campaign)).next_run_at).toEqual(
      new Date(runs[1]!.scheduled_for.getTime() + MINUTE),
    );
  });

  it('holds an occurrence while the previous run waits for a review, then runs it once', async () => {
    // 0.8 goes to a person: the first run stays open until someone decides.
    const campaign = await launch({ kind: 'interval', every: '1m' }, 0.8);
    await suite.app.runtime.runUntilQuiescent();
    await clock.advance(3 * MINUTE);
    await suite.app.runtime.runUntilQuiescent();
    expect((await runsOf(campaign)).map((run) => run.status)).toEqual(['running']);

    const [waiting] = (await suite.app.reviews.listPending()).filter(
      (item) => item.task.campaign_id === campaign.id,
    );
    await suite.app.reviews.approve(waiting!.review.id, 'rita');
    await suite.app.runtime.runUntilQuiescent();

    const runs = await runsOf(campaign);
    expect(runs.map((run) => [run.seq, run.status, run.folded])).toEqual([
      [1, 'completed', 0],
      [2, 'running', 2],
    ]);
  });

  it('starts overlapping runs when the schedule allows it', async () => {
    const campaign = await launch({ kind: 'interval', every: '1m', allow_overlap: true }, 0.8);
    await suite.app.runtime.runUntilQuiescent();
    await clock.advance(MINUTE);
    await suite.app.runtime.runUntilQuiescent();
    expect((await runsOf(campaign)).map((run) => run.status)).toEqual(['running', 'running']);
  });

  it('starts no run while paused, and goes on from the next occurrence after a resume', async () => {
    const campaign = await launch({ kind: 'interval', every: '1m' });
    await suite.app.runtime.runUntilQuiescent();
    const actor = await suite.app.localActor({ user: 'test' });
    await suite.app.operator.campaigns.control(actor, campaign.id, 'pause');
    await clock.advance(5 * MINUTE);
    await suite.app.runtime.runUntilQuiescent();
    expect(await runsOf(campaign)).toHaveLength(1);

    const resumed = await suite.app.operator.campaigns.control(actor, campaign.id, 'resume');
    expect(resumed.next_run_at!.getTime()).toBeGreaterThan(clock.now().getTime());
    await suite.app.runtime.runUntilQuiescent();
    expect(await runsOf(campaign)).toHaveLength(1);
    await clock.advance(MINUTE);
    await suite.app.runtime.runUntilQuiescent();
    expect((await runsOf(campaign)).map((run) => [run.seq, run.folded])).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('runs a once campaign at its start_at, and a cron campaign at its time in its time zone', async () => {
    const once = await launch({ kind: 'once', start_at: '2026-11-30T12:00:00Z' });
    // 09:00 in Paris is 08:00 UTC in winter.
    const cron = await launch({ kind: 'cron', cron: '0 9 * * *', timezone: 'Europe/Paris' });
    expect(cron.next_run_at).toEqual(new Date('2026-12-01T08:00:00Z'));
    await suite.app.runtime.runUntilQuiescent();
    expect(await runsOf(once)).toHaveLength(0);

    const untilNoon = new Date('2026-11-30T12:00:00Z').getTime() - clock.now().getTime();
    await clock.advance(untilNoon);
    await suite.app.runtime.runUntilQuiescent();
    expect((await runsOf(once)).map((run) => run.status)).toEqual(['completed']);
    expect(await campaignNow(once)).toMatchObject({ status: 'completed', next_run_at: null });
    expect(await runsOf(cron)).toHaveLength(0);

    await clock.advance(new Date('2026-12-01T08:00:00Z').getTime() - clock.now().getTime());
    await suite.app.runtime.runUntilQuiescent();
    expect((await runsOf(cron)).map((run) => run.scheduled_for)).toEqual([
      new Date('2026-12-01T08:00:00Z'),
    ]);
  });

  it('completes a recurring campaign once its schedule has ended, and cancels its open run', async () => {
    const ending = await launch({
      kind: 'interval',
      every: '1m',
      end_at: new Date(clock.now().getTime() + MINUTE).toISOString(),
    });
    await suite.app.runtime.runUntilQuiescent();
    await clock.advance(MINUTE);
    await suite.app.runtime.runUntilQuiescent();
    expect((await runsOf(ending)).map((run) => run.status)).toEqual(['completed', 'completed']);
    expect(await campaignNow(ending)).toMatchObject({ status: 'completed', next_run_at: null });

    const waiting = await launch({ kind: 'interval', every: '1m' }, 0.8);
    await suite.app.runtime.runUntilQuiescent();
    const actor = await suite.app.localActor({ user: 'test' });
    await suite.app.operator.campaigns.control(actor, waiting.id, 'cancel');
    expect((await runsOf(waiting)).map((run) => run.status)).toEqual(['cancelled']);
    expect(await suite.app.operator.campaigns.runs(actor, waiting.id)).toHaveLength(1);
  });

  it('refuses a bad schedule naming the field, and writes nothing', async () => {
    const before = (await suite.app.store.campaigns.list()).length;
    await expect(launch({ kind: 'cron', cron: '0 25 * * *' })).rejects.toThrow(
      /schedule\.cron: not a cron expression/,
    );
    await expect(launch({ kind: 'interval', every: '5 minutes' })).rejects.toThrow(
      /schedule\.every: write a whole number and a unit/,
    );
    expect(await suite.app.store.campaigns.list()).toHaveLength(before);
  });
});
