// This node's side of trading work in the agent network (issue 13 §3–4), wired from the app's
// parts: the provider that sells the offered skills over /a2a, the hirer its agents buy with,
// through the CFO's escrow, and the admission the endpoint checks first (asleep: 503; load over
// 0.95 of CHIMERA_NETWORK_CAPACITY: 429).

import type { Cfo } from '../commerce/cfo.js';
import type { Admission } from '../network/a2a/a2a-routes.js';
import { HireProvider } from '../network/a2a/hire-provider.js';
import { Hirer } from '../network/a2a/hirer.js';
import type { NodeIdentity } from '../network/identity/node-identity.js';
import type { AnySkill, SkillServices } from '../skills/skill.js';
import type { Store } from '../store/store.js';
import type { Judge } from '../swarm/judge.js';
import { hiredWork } from './hired-work.js';

/** The load above which the node refuses new work with 429 (the seed's). */
const SATURATED_LOAD = 0.95;
/** What a saturated node asks callers to wait, in seconds. */
const SATURATED_RETRY_S = 5;
/** What a sleeping node asks callers to wait, in seconds. */
const SLEEPING_RETRY_S = 300;

/** The node's trade in the agent network. */
export interface NetworkMarket {
  provider: HireProvider;
  hirer(): Promise<Hirer>;
  admission(): Promise<Admission>;
  /**
   * Housekeeping for the runtime's sweeps: finishes hires a crash left open (Hirer.resume) and
   * forgets nonces too old to be replayed anyway; how many of each. Loads the CFO only when a
   * hire is open.
   */
  sweep(): Promise<number>;
}

export function openNetworkMarket(options: {
  store: Store;
  identity: () => Promise<NodeIdentity>;
  cfo: () => Promise<Cfo>;
  judge: Judge;
  services: SkillServices;
  offered: readonly AnySkill[];
  priceCents: number;
  capacity: number;
  /** The SLA this node's quotes promise, in milliseconds. */
  slaMs: number;
  now?: () => Date;
}): NetworkMarket {
  const { store, identity, now } = options;
  const cfo = options.cfo;
  const provider = new HireProvider({
    store,
    identity,
    work: hiredWork({ ...options }),
    // The CFO is loaded when the first hire settles, not at start-up.
    ledger: {
      recordSettlement: async (tx, settlement) => (await cfo()).recordSettlement(tx, settlement),
    },
    slaMs: options.slaMs,
    ...(now && { now }),
  });
  let hirer: Promise<Hirer> | undefined;
  return {
    provider,
    hirer: () => {
      hirer ??= cfo().then((escrow) => new Hirer({ store, identity, escrow, ...(now && { now }) }));
      return hirer;
    },
    async sweep() {
      const purged = await store.network.purgeNonces(now?.() ?? new Date());
      if ((await store.handshakes.listOpen('hirer', 1)).length === 0) return purged;
      return purged + (await (await this.hirer()).resume()).length;
    },
    async admission() {
      if (await store.network.sleepingSince((await identity()).nodeId)) {
        return { status: 'sleeping', retryAfterSeconds: SLEEPING_RETRY_S };
      }
      if (provider.running / options.capacity > SATURATED_LOAD) {
        return { status: 'saturated', retryAfterSeconds: SATURATED_RETRY_S };
      }
      return { status: 'ready' };
    },
  };
}
