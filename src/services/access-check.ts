// The two checks every service call starts with: may this actor do this (role), and is the
// object in its tenant (else it does not exist, as far as the actor can tell).

import { type Actor, type Role, roleAllows } from '../domain/actor.js';
import { AuthForbidden, NotFound } from '../domain/errors.js';

/** Throws AUTH_FORBIDDEN unless `actor`'s role includes `needed`. */
export function requireRole(actor: Actor, needed: Role, action: string): void {
  if (!roleAllows(actor.role, needed)) {
    throw new AuthForbidden(`${action} needs the ${needed} role; the caller is a ${actor.role}`);
  }
}

/** `found`, or STORE_NOT_FOUND: an object of another tenant is reported as missing. */
export function found<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) throw new NotFound(kind, id);
  return value;
}
