// The Judge–human agreement route of /api/v1, with its wire type (type-only, from
// src/api/wire-schemas.ts).

import type { z } from 'zod';
import type { JudgeAgreementWire } from '../../../src/api/wire-schemas.js';
import { request } from './client';

/** The tallies of people's decisions on the Judge's escalations. */
export type JudgeAgreement = z.infer<typeof JudgeAgreementWire>;
/** Decided, approved and their ratio (null when nothing was decided). */
export type AgreementTally = JudgeAgreement['overall'];

export const agreementApi = {
  /** Decisions of the last `days` days. */
  judgeAgreement: (days: number) =>
    request<JudgeAgreement>('GET', `/api/v1/judge/agreement?days=${days}`),
};
