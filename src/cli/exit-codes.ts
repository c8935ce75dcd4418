// Maps errors to exit codes and one-line messages. Known input and configuration problems exit
// 2 with what to fix; anything else exits 1 without a stack trace (the log has the details).

import { ChimeraError, type ErrorCode } from '../domain/errors.js';

/** Codes that mean "the person asked for something wrong": exit code 2. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set([
  'INPUT_INVALID',
  'CONFIG_INVALID',
  'CONFIG_DATA_DIR_MISSING',
  'CONFIG_DATA_DIR_IN_USE',
  'STORE_UNREACHABLE',
  'STORE_SCHEMA_TOO_NEW',
  'STORE_MIGRATION_CHANGED',
  'STORE_NOT_FOUND',
  'SPEC_UNKNOWN_ID',
  'SKILL_UNKNOWN',
  'AGENT_UNKNOWN',
  'REVIEW_ALREADY_DECIDED',
  'MCP_UNKNOWN_SERVER',
  'TASK_ILLEGAL_TRANSITION',
  'AUTH_REQUIRED',
  'AUTH_FORBIDDEN',
  'CAMPAIGN_ILLEGAL_TRANSITION',
]);

/** The exit code and message for an error that reached the CLI's edge. */
export function describeFailure(error: unknown): { exitCode: number; message: string } {
  if (error instanceof ChimeraError) {
    return {
      exitCode: USAGE_CODES.has(error.code) ? 2 : 1,
      message: `error: ${oneLine(error.message)} [${error.code}]`,
    };
  }
  const message = error instanceof Error ? error.message : safeStringify(error);
  return { exitCode: 1, message: `internal error: ${oneLine(message)}` };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function safeStringify(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
