// FR-CLI-004: bad input fails with a one-line error and exit code 2; anything else exits 1
// without a stack trace.

import { describe, expect, it } from 'vitest';
import {
  ChimeraError,
  ConfigError,
  ERROR_CODES,
  type ErrorCode,
  IllegalTransition,
  InputError,
  SkillTransientError,
  VersionConflict,
} from '../domain/errors.js';
import { describeFailure } from './exit-codes.js';

// Codes the specs require to exit 2: bad input, bad configuration, an unreachable or too-new
// database, unknown ids (FR-CLI-004, FR-JUDGE-002, FR-REVIEW-001, FR-TRACE-002, TR-STORE-003).
const USAGE: readonly ErrorCode[] = [
  'INPUT_INVALID',
  'CONFIG_INVALID',
  'CONFIG_DATA_DIR_MISSING',
  'STORE_UNREACHABLE',
  'STORE_SCHEMA_TOO_NEW',
  'STORE_NOT_FOUND',
  'SPEC_UNKNOWN_ID',
  'AGENT_UNKNOWN',
  'REVIEW_ALREADY_DECIDED',
];
// Codes of a task's own run, which the runtime handles and a person cannot fix by retyping.
// docs/errors.md lists the exit code of every code; tests/errors-doc.test.ts keeps it exact.
const INTERNAL: readonly ErrorCode[] = [
  'STORE_VERSION_CONFLICT',
  'SKILL_INPUT_INVALID',
  'SKILL_OUTPUT_INVALID',
  'SKILL_TRANSIENT',
  'SKILL_PERMANENT',
  'SKILL_TIMEOUT',
  'TASK_LEASE_EXPIRED',
  'TASK_DEADLINE_EXCEEDED',
];

describe('describeFailure (FR-CLI-004)', () => {
  it('turns an InputError into exit 2 and one line ending with its code', () => {
    expect(describeFailure(new InputError('campaign.json: goal: too short'))).toEqual({
      exitCode: 2,
      message: 'error: campaign.json: goal: too short [INPUT_INVALID]',
    });
  });

  it('turns a ConfigError into exit 2 with the variable it names', () => {
    const failure = describeFailure(
      new ConfigError('CONFIG_INVALID', 'invalid configuration: CHIMERA_CONCURRENCY: too small'),
    );
    expect(failure).toEqual({
      exitCode: 2,
      message: 'error: invalid configuration: CHIMERA_CONCURRENCY: too small [CONFIG_INVALID]',
    });
  });

  it.each(USAGE)('exits 2 for %s', (code) => {
    const failure = describeFailure(new ChimeraError(code, 'what is wrong'));
    expect(failure).toEqual({ exitCode: 2, message: `error: what is wrong [${code}]` });
  });

  it.each(INTERNAL)('exits 1 for %s, still with the one-line error format', (code) => {
    const failure = describeFailure(new ChimeraError(code, 'something broke'));
    expect(failure).toEqual({ exitCode: 1, message: `error: something broke [${code}]` });
  });

  it('maps every error code to exit 1 or 2 with the one-line format', () => {
    for (const code of ERROR_CODES) {
      const failure = describeFailure(new ChimeraError(code, 'what is wrong'));
      expect([1, 2], code).toContain(failure.exitCode);
      expect(failure.message, code).toBe(`error: what is wrong [${code}]`);
    }
  });

  it('maps the error subclasses by their code', () => {
    expect(describeFailure(new IllegalTransition('done', 'retry', 't-1')).exitCode).toBe(2);
    expect(describeFailure(new VersionConflict('task', 't-1', 3)).exitCode).toBe(1);
    expect(describeFailure(new SkillTransientError('flaky')).exitCode).toBe(1);
  });

  it('turns a plain Error into exit 1 and "internal error" without a stack trace', () => {
    const error = new Error('socket hang up');
    expect(error.stack).toContain('\n');
    const failure = describeFailure(error);
    expect(failure).toEqual({ exitCode: 1, message: 'internal error: socket hang up' });
    expect(failure.message).not.toContain('\n');
    expect(failure.message).not.toContain(' at ');
  });

  it('does not show the cause or stack of a ChimeraError', () => {
    const failure = describeFailure(
      new ChimeraError('STORE_UNREACHABLE', 'cannot reach the database', {
        cause: new Error('ECONNREFUSED 127.0.0.1:5432'),
      }),
    );
    expect(failure.message).toBe('error: cannot reach the database [STORE_UNREACHABLE]');
  });

  it('turns a thrown non-Error value into exit 1 with its text', () => {
    expect(describeFailure('boom')).toEqual({ exitCode: 1, message: 'internal error: boom' });
    expect(describeFailure(undefined)).toEqual({
      exitCode: 1,
      message: 'internal error: undefined',
    });
  });
});
