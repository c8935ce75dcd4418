// A service error as an MCP tool error: the message, its code, and the HTTP status it would have
// on the API (403 for a role that may not, 404 for another tenant's object), so a client can tell
// "not allowed" from "failed".

import { ChimeraError } from '../../../domain/errors.js';
import { toolFailure } from '../tool-results.js';

const STATUS: Partial<Record<string, number>> = {
  AUTH_REQUIRED: 401,
  AUTH_FORBIDDEN: 403,
  STORE_NOT_FOUND: 404,
};

export function serviceFailure(error: unknown) {
  if (!(error instanceof ChimeraError)) return toolFailure(String(error));
  const status = STATUS[error.code];
  return toolFailure(`${status ? `${status} ` : ''}${error.message} [${error.code}]`);
}
