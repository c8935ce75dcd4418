// FR-API-010: Judge calibration on a seeded history in the embedded database (PGlite). 200 results
// run through the real Judge and are decided by a person through the review service: 160 the
// Judge escalated for their confidence (every rejection below 0.82, approvals spread over
// 0.70–0.90), 30 health posts the sensitive-topics policy escalated, 10 a test watchlist policy
// escalated. GET /api/v1/judge/calibration and `chimera judge calibrate` recommend approveAt 0.82
// for the Judge, always-review for sensitive topics and nothing for the watchlist (too few
// decisions), for the caller's tenant only, and change no setting.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildHttpServer } from '../src/api/http-server.js';
import { JudgeCalibrationWire } from '../src/api/wire-schemas.js';
import type { ChimeraApp } from '../src/app/chimera-app.js';
import { defineSkill } from '../src/skills/skill.js';
import type { JudgePolicy } from '../src/swarm/judge.js';
import { localOperator } from './support/api-fixture.js';
import { runChimera } from './support/run-chimera.js';
import { addAgent, campaignOf, openTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-databases.js';

/** Reports the confidence it is given; `text`, when given, is its public text. */
const scoredSkill = defineSkill({
  name: 'test.scored',
  specId: 'SK-CORE-004',
  description: 'reports the confidence it is given',
  inputSchema: z.object({ confidence: z.number(), watch: z.boolean().default(false) }),
  outputSchema: z.object({ ok: z.literal(true) }),
  async run(input) {
    return { output: { ok: true as const }, confidence: input.confidence };
  },
});

/** A post whose public text the content policies read (sensitive topics among them). */
const scoredPostSkill = defineSkill({
  name: 'test.scored-post',
  specId: 'SK-CORE-004',
  description: 'a post with the text and confidence it is given',
  inputSchema: z.object({ confidence: z.number(), text: z.string() }),
  outputSchema: z.object({ text: z.string() }),
  publicText: (output) => output.text,
  async run(input) {
    return { output: { text: input.text }, confidence: input.confidence };
  },
});

/** Escalates results whose input asks to be watched: a policy with few decisions. */
const watchlistPolicy: JudgePolicy = {
  name: 'brand-watchlist',
  evaluate: ({ task }) =>
    (task.input as { watch?: boolean }).watch
      ? [{ policy: 'brand-watchlist', action: 'escalate', reason: 'the brand is on the watchlist' }]
      : [],
};

/** `count` confidences from `from` in steps of `step`, rounded to 0.001. */
const steps = (count: number, from: number, step: number) =>
  Array.from({ length: count }, (_, index) => Number((from + step * index).toFixed(3)));

/** One seeded result: the skill that makes it, its input, and whether the person approves. */
interface Seeded {
  skill: string;
  confidence: number;
  text?: string;
  watch?: boolean;
  approve: boolean;
}

/** The seeded pattern, step `item<index>` each. */
const HISTORY: Seeded[] = [
  // The Judge's own escalations: 40 rejections at 0.700–0.817, 120 approvals at 0.700–0.898.
  ...steps(40, 0.7, 0.003).map((confidence) => ({
    skill: 'test.scored',
    confidence,
    approve: false,
  })),
  ...steps(120, 0.7, 0.2 / 120).map((confidence) => ({
    skill: 'test.scored',
    confidence,
    approve: true,
  })),
  // Sensitive topics at 0.85–0.99 (whatever the confidence): 27 approved, 3 rejected.
  ...steps(30, 0.85, 0.005).map((confidence, index) => ({
    skill: 'test.scored-post',
    confidence,
    text: `Ask your doctor before the flu vaccine, tip ${index + 1}`,
    approve: index % 10 !== 0,
  })),
  // The watchlist: 10 decisions, 5 rejected.
  ...steps(10, 0.91, 0.005).map((confidence, index) => ({
    skill: 'test.scored',
    confidence,
    watch: true,
    approve: index % 2 === 0,
  })),
];

/** Runs the history through the Judge and decides every escalation as the pattern says. */
async function seedHistory(app: ChimeraApp): Promise<void> {
  const local = localOperator('default');
  const template = HISTORY.map(({ skill, confidence, text, watch }, index) => ({
    key: `item${index}`,
    skill,
    input: { confidence, ...(text && { text }), ...(watch && { watch }) },
    max_attempts: 1,
  }));
  await app.operator.campaigns.create(local, campaignOf(template, ['ava']));
  await app.runtime.runUntilQuiescent();
  const pending = await app.operator.reviews.list(local, { status: 'pending', limit: 1_000 });
  expect(pending).toHaveLength(HISTORY.length);
  const approve: string[] = [];
  for (const { review, task } of pending) {
    const item = HISTORY[Number(task.step_key.slice('item'.length))];
    if (item?.approve) approve.push(review.id);
    else await app.operator.reviews.reject(local, review.id, 'not on brand');
  }
  for (let start = 0; start < approve.length; start += 100) {
    await app.operator.reviews.approveAll(local, approve.slice(start, start + 100));
  }
}

describe('Judge calibration on a seeded history (PGlite)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const app = await openTestApp(database, {
      skills: [scoredSkill, scoredPostSkill],
      policies: [watchlistPolicy],
    });
    try {
      await addAgent(app);
      await seedHistory(app);
    } finally {
      await app.close();
    }
  });
  afterAll(async () => {
    await database?.dispose();
  });

  describe('through the API and the service', () => {
    let app: ChimeraApp;
    beforeAll(async () => {
      app = await openTestApp(database, { skills: [scoredSkill, scoredPostSkill] });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('recommends approveAt 0.82, always-review for sensitive topics and nothing on few decisions', async () => {
      const http = await buildHttpServer(app);
      const local = localOperator('default');
      const viewer = (await app.operator.tokens.create(local, { role: 'viewer' })).secret;
      const answer = await http.inject({
        method: 'GET',
        url: '/api/v1/judge/calibration?days=7',
        headers: { authorization: `Bearer ${viewer}` },
      });
      expect(answer.statusCode, answer.body).toBe(200);
      const calibration = JudgeCalibrationWire.parse(answer.json());
      expect(calibration).toMatchObject({
        thresholds: { approveAt: 0.9, escalateAt: 0.7 },
        target_rejection_recall: 0.99,
        min_decisions: 30,
      });
      const byName = new Map(calibration.by_policy.map((policy) => [policy.policy, policy]));
      expect(calibration.by_policy.map((policy) => policy.policy)).toEqual([
        'judge',
        'sensitive-topics',
        'brand-watchlist',
      ]);

      const judge = byName.get('judge');
      expect(judge).toMatchObject({ decided: 160, approved: 120, rejected: 40 });
      expect(
        judge?.by_band.map((band) => [band.band, band.decided, band.approved, band.rejected]),
      ).toEqual([
        ['< 0.70', 0, 0, 0],
        ['0.70–0.75', 47, 30, 17],
        ['0.75–0.80', 47, 30, 17],
        ['0.80–0.85', 36, 30, 6],
        ['0.85–0.90', 30, 30, 0],
        ['≥ 0.90', 0, 0, 0],
      ]);
      expect(judge?.by_band[1]?.approval_rate).toBeCloseTo(30 / 47, 10);
      // Below 0.82: the 40 rejections and the 72 approvals at 0.700–0.818.
      expect(judge?.recommendation).toEqual({
        status: 'threshold',
        outcome: {
          threshold: 0.82,
          reviews_needed: 112,
          reviews_taken: 160,
          rejections_missed: 0,
          rejection_recall: 1,
        },
        setting: 'approveAt',
        current: 0.9,
        variable: 'CHIMERA_JUDGE_APPROVE_AT',
        explanation:
          'lower approveAt from 0.90 to 0.82: skipping review at 0.82 or above would have needed 112 of the 160 reviews taken and missed 0 rejection(s) (recall 1.000)',
      });

      const sensitive = byName.get('sensitive-topics');
      expect(sensitive).toMatchObject({ decided: 30, approved: 27, rejected: 3 });
      expect(sensitive?.by_band.find((band) => band.band === '≥ 0.90')?.decided).toBe(20);
      expect(sensitive?.recommendation).toMatchObject({
        status: 'always-review',
        outcome: null,
        variable: null,
        explanation: expect.stringMatching(
          /^always review: sensitive topics always go to a person/,
        ),
      });

      expect(byName.get('brand-watchlist')).toMatchObject({
        decided: 10,
        rejected: 5,
        recommendation: {
          status: 'not-enough-decisions',
          outcome: null,
          explanation: 'not enough decisions (10 of 30 needed)',
        },
      });

      // Another tenant sees none of it.
      const rivalOperator = await app.localActor({ user: 'test', tenantId: 'rival' });
      const rival = (await app.operator.tokens.create(rivalOperator, { role: 'viewer' })).secret;
      const theirs = await http.inject({
        method: 'GET',
        url: '/api/v1/judge/calibration',
        headers: { authorization: `Bearer ${rival}` },
      });
      expect(theirs.json().by_policy).toEqual([]);
      const bad = await http.inject({
        method: 'GET',
        url: '/api/v1/judge/calibration?days=0',
        headers: { authorization: `Bearer ${viewer}` },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('query.days');
      await http.close();
    });

    it('refuses a bad number of days naming the field', async () => {
      const local = localOperator('default');
      for (const days of [0, 1.5, 367, Number.NaN]) {
        await expect(app.operator.calibration.calibration(local, days)).rejects.toMatchObject({
          code: 'INPUT_INVALID',
          context: { field: 'days' },
          message: expect.stringMatching(/^days: give a whole number from 1 to 366/),
        });
      }
    });
  });

  describe('through the CLI', () => {
    const cli = (args: string[], environment: Record<string, string> = {}) =>
      runChimera(['judge', 'calibrate', ...args], {
        CHIMERA_DATA_DIR: database.dataDir,
        ...environment,
      });

    it('prints the table and the variable to set, and says nothing was changed', async () => {
      const printed = await cli(['--days', '7'], { CHIMERA_JUDGE_APPROVE_AT: '0.85' });
      expect(printed.stderr).toBe('');
      expect(printed.code).toBe(0);
      const lines = printed.stdout.split('\n');
      expect(lines).toContain(
        'policy            band       decided  approved  rejected  agreement',
      );
      expect(lines).toContain(
        'judge             all            160       120        40       75 %',
      );
      expect(lines).toContain(
        '                  0.80–0.85       36        30         6       83 %',
      );
      expect(lines).toContain('judge: set CHIMERA_JUDGE_APPROVE_AT=0.82 (now 0.85)');
      expect(lines).toContain('sensitive-topics: no threshold recommended');
      expect(lines).toContain('  not enough decisions (10 of 30 needed)');
      expect(printed.stdout).toMatch(/^nothing was changed: /m);
    });

    it('prints JSON with --json and refuses bad --days with exit code 2', async () => {
      const printed = await cli(['--json']);
      expect(printed.code).toBe(0);
      const report = JudgeCalibrationWire.parse(JSON.parse(printed.stdout));
      expect(report.by_policy[0]?.recommendation.outcome?.threshold).toBe(0.82);
      const bad = await cli(['--days', 'many']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(
        /^error: days: give a whole number from 1 to 366.*\[INPUT_INVALID\]\n$/,
      );
    });
  });
});
