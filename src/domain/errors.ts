// The one error hierarchy of Chimera: a stable string code, a cause, and readonly context.
// Codes are listed in docs/errors.md; a test keeps the two in step. No I/O here.

/** Context fields an error may carry; all optional, all readonly. */
export interface ErrorContext {
  readonly taskId?: string;
  readonly campaignId?: string;
  readonly agentId?: string;
  readonly skill?: string;
  readonly state?: string;
  readonly field?: string;
  /** The spend request a SPEND_* error is about. */
  readonly spendRequestId?: string;
}

/** Every error code Chimera raises on purpose. Keep docs/errors.md in step. */
export const ERROR_CODES = [
  'INPUT_INVALID',
  'CONFIG_INVALID',
  'CONFIG_DATA_DIR_MISSING',
  'CONFIG_DATA_DIR_IN_USE',
  'STORE_UNREACHABLE',
  'STORE_VERSION_CONFLICT',
  'STORE_SCHEMA_TOO_NEW',
  'STORE_MIGRATION_CHANGED',
  'STORE_NOT_FOUND',
  'TASK_ILLEGAL_TRANSITION',
  'SPEC_UNKNOWN_ID',
  'SKILL_UNKNOWN',
  'SKILL_INPUT_INVALID',
  'SKILL_OUTPUT_INVALID',
  'SKILL_TRANSIENT',
  'SKILL_PERMANENT',
  'SKILL_TIMEOUT',
  'TASK_LEASE_EXPIRED',
  'TASK_LEASE_LOST',
  'TASK_DEADLINE_EXCEEDED',
  'AGENT_UNKNOWN',
  'EFFECT_DUPLICATE',
  'REVIEW_ALREADY_DECIDED',
  'MCP_UNKNOWN_SERVER',
  'MCP_TOOL_DENIED',
  'MCP_RATE_LIMITED',
  'MCP_UNAVAILABLE',
  'MCP_TOOL_FAILED',
  'MCP_OUTPUT_INVALID',
  'WALLET_INSUFFICIENT_FUNDS',
  'WALLET_KEY_REUSED',
  'MODEL_OUTPUT_INVALID',
  'MODEL_UNAVAILABLE',
  'SPEND_REJECTED',
  'SPEND_ESCALATED',
  'CAMPAIGN_ILLEGAL_TRANSITION',
  'AUTH_REQUIRED',
  'AUTH_FORBIDDEN',
  'AUTH_RATE_LIMITED',
  'NETWORK_PROVIDER_UNTRUSTED',
  'NETWORK_REFUSED',
  'NETWORK_UNREACHABLE',
] as const;

/** A stable, documented error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base class: `code` is stable across releases; `message` names the field, value and fix. */
export class ChimeraError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;
  /** True when trying again later may succeed (network blip, timeout, lock). */
  readonly retryable: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; context?: ErrorContext; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.context = options.context ?? {};
    this.retryable = options.retryable ?? false;
  }
}

/** Bad input from a person or a file: a CLI maps it to exit code 2. */
export class InputError extends ChimeraError {
  constructor(message: string, options: { cause?: unknown; context?: ErrorContext } = {}) {
    super('INPUT_INVALID', message, options);
  }
}

/** Bad configuration (URL, data dir, thresholds): a CLI maps it to exit code 2. */
export class ConfigError extends ChimeraError {}

/** A writer held a stale `state_version`: reload and retry or re-plan, never overwrite. */
export class VersionConflict extends ChimeraError {
  readonly expectedVersion: number;
  constructor(entity: string, id: string, expectedVersion: number) {
    super(
      'STORE_VERSION_CONFLICT',
      `${entity} ${id} changed since it was read (expected state_version ${expectedVersion}); reload it and retry`,
      { context: { taskId: entity === 'task' ? id : undefined }, retryable: true },
    );
    this.expectedVersion = expectedVersion;
  }
}

/** A task state change that the state machine does not allow. */
export class IllegalTransition extends ChimeraError {
  constructor(from: string, action: string, taskId?: string) {
    super('TASK_ILLEGAL_TRANSITION', `a task in state '${from}' cannot '${action}'`, {
      context: { taskId, state: from },
    });
  }
}

/** A skill run failed in a way that a later attempt may not repeat. */
export class SkillTransientError extends ChimeraError {
  constructor(message: string, options: { cause?: unknown; context?: ErrorContext } = {}) {
    super('SKILL_TRANSIENT', message, { ...options, retryable: true });
  }
}

/** A skill run failed in a way that the same input will always repeat. */
export class SkillPermanentError extends ChimeraError {
  constructor(
    message: string,
    options: { cause?: unknown; context?: ErrorContext; code?: ErrorCode } = {},
  ) {
    super(options.code ?? 'SKILL_PERMANENT', message, { ...options, retryable: false });
  }
}

/** The caller's token is missing, unknown, expired or revoked (HTTP 401). */
export class AuthRequired extends ChimeraError {
  constructor(message = 'send a valid API token as "Authorization: Bearer <token>"') {
    super('AUTH_REQUIRED', message);
  }
}

/** The caller's role does not allow this (HTTP 403). */
export class AuthForbidden extends ChimeraError {
  /** `field`: the header at fault, when it is not the token's role (e.g. 'x-csrf-token'). */
  constructor(message: string, field?: string) {
    super('AUTH_FORBIDDEN', message, field ? { context: { field } } : {});
  }
}

/** An object that does not exist in the caller's tenant (HTTP 404, whether or not it exists elsewhere). */
export class NotFound extends ChimeraError {
  constructor(kind: string, id: string) {
    super('STORE_NOT_FOUND', `no ${kind} '${id}'`);
  }
}
