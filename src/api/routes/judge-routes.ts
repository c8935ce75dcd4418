// /api/v1/judge/agreement: of the results the Judge escalated and people decided, how often they
// approved, by policy, confidence band and day, to tell whether its thresholds are right; and
// /api/v1/judge/calibration: the thresholds those decisions support (recommended, never applied).

import { z } from 'zod';
import { MAX_AGREEMENT_DAYS } from '../../services/judge-agreement-service.js';
import { defineRoute } from '../route-spec.js';
import { JudgeAgreementWire, JudgeCalibrationWire } from '../wire-schemas.js';
import { exampleCalibration } from './route-examples.js';

const tally = (decided: number, approved: number) => ({
  decided,
  approved,
  approval_rate: decided === 0 ? null : approved / decided,
});

export const judgeRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/judge/agreement',
    operationId: 'showJudgeAgreement',
    summary:
      'How often people approved what the Judge escalated: by policy, confidence band and day',
    tag: 'judge',
    role: 'viewer',
    query: z.object({
      days: z.coerce.number().int().min(1).max(MAX_AGREEMENT_DAYS).default(30),
    }),
    response: JudgeAgreementWire,
    example: {
      response: {
        since: '2026-10-30T12:00:00.000Z',
        overall: tally(4, 3),
        by_policy: [
          { policy: 'sensitive-topics', ...tally(2, 2) },
          { policy: 'judge', ...tally(2, 1) },
        ],
        by_band: [
          { band: '0.75–0.80', from: 0.75, to: 0.8, ...tally(2, 1) },
          { band: '≥ 0.90', from: 0.9, to: null, ...tally(2, 2) },
        ],
        by_day: [{ day: '2026-11-29', ...tally(4, 3) }],
      },
    },
    handler: ({ services, actor, query }) => services.agreement.agreement(actor, query.days),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/judge/calibration',
    operationId: 'showJudgeCalibration',
    summary:
      "The thresholds people's decisions support: per policy and band how often they approved, and per policy the lowest threshold that still catches 99 % of their rejections. Nothing is changed",
    tag: 'judge',
    role: 'viewer',
    query: z.object({
      days: z.coerce.number().int().min(1).max(MAX_AGREEMENT_DAYS).default(30),
    }),
    response: JudgeCalibrationWire,
    example: { response: exampleCalibration },
    handler: ({ services, actor, query }) => services.calibration.calibration(actor, query.days),
  }),
];
