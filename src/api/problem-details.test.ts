// Problems for errors that are not Chimera's own: PostgreSQL rolling back one of two crossing
// writers (a deadlock, a serialization failure) is a 409 to retry, not a 500; anything unknown
// stays unmapped (the server answers a plain 500 and logs it).

import { describe, expect, it } from 'vitest';
import { problemOf } from './problem-details.js';

/** An error as the pg driver raises it: a message and a SQLSTATE. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('problemOf', () => {
  it.each([
    ['40P01', 'deadlock detected'],
    ['40001', 'could not serialize access due to concurrent update'],
  ])('answers SQLSTATE %s (%s) with a 409 to retry', (code, message) => {
    expect(problemOf(pgError(code, message))).toMatchObject({
      status: 409,
      code: 'STORE_VERSION_CONFLICT',
      field: 'path',
      detail: expect.stringMatching(/nothing changed, retry$/),
    });
  });

  it('leaves other database errors unmapped', () => {
    expect(problemOf(pgError('23505', 'duplicate key value'))).toBeUndefined();
    expect(problemOf(new Error('boom'))).toBeUndefined();
  });
});
