// The local CLI's actor: the OS user, with the tenant, role and agent of CHIMERA_TOKEN or of the
// data dir's operator token when there is one; else an operator of the tenant it names (default
// 'default'), created when new. Whoever runs the CLI can reach the database anyway: a token only
// decides the tenant and role it acts in.

import { type Actor, DEFAULT_TENANT } from '../domain/actor.js';
import type { TokenService } from '../services/token-service.js';
import type { Store } from '../store/store.js';
import { operatorTokenPath, readTokenFile } from './operator-token-file.js';

/** What the local actor is found from. */
export interface LocalActorSources {
  store: Pick<Store, 'access'>;
  tokens: Pick<TokenService, 'authenticate'>;
  dataDir: string;
}

export async function resolveLocalActor(
  sources: LocalActorSources,
  options: { user: string; tenantId?: string | undefined; token?: string | undefined },
): Promise<Actor> {
  const { user, tenantId, token } = options;
  const secret =
    token ??
    (tenantId === undefined
      ? (await readTokenFile(operatorTokenPath(sources.dataDir)))?.secret
      : undefined);
  const holder = secret ? await sources.tokens.authenticate(secret) : undefined;
  if (holder) return { ...holder, kind: 'cli', id: user };
  const tenant = tenantId ?? DEFAULT_TENANT;
  await sources.store.access.ensureTenant(tenant, tenant);
  return { kind: 'cli', id: user, tenantId: tenant, role: 'operator', agentId: null };
}
