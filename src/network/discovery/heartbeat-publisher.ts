// This node's heartbeat: every 60 s, what it offers (its skills), its reputation, where to reach
// it and whether it takes work, signed with its node key and recorded in the deployment's
// registry, which lists the node for 90 s after each beat. What goes in is asked of providers at
// each beat, so it follows the node's state; the clock is injected, so tests call `beat()` with
// their own. It does not announce the node beyond the deployment.

import {
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TTL_MS,
  type Heartbeat,
  type PeerStatus,
  type SignedHeartbeat,
} from '../../domain/network/heartbeat.js';
import type { NodeIdentity } from '../identity/node-identity.js';
import { signJson } from '../identity/signed-json.js';
import type { HeartbeatAcceptance, HeartbeatRegistry } from './heartbeat-registry.js';
import type { HeartbeatRejection } from './heartbeat-verifier.js';

/** A value read at each beat. */
type Provider<T> = () => T | Promise<T>;

/** What a publisher is built from. */
export interface HeartbeatPublisherOptions {
  /** The node's key and id (node-identity.ts, loadNodeIdentity). */
  identity: NodeIdentity;
  /**
   * Where other nodes reach this one: an http or https URL, or a function giving it at each beat
   * (e.g. the listening address, known once the server listens).
   */
  endpoint: string | Provider<string>;
  /** The skill names the node offers, read at each beat; sorted and deduplicated. */
  capabilities: Provider<readonly string[]>;
  /**
   * The node's reputation, 0–100 (domain/network/reputation.ts), read at each beat.
   * @defaultValue () => 50, a node without history (reputationOf with no evidence)
   */
  reputation?: Provider<number>;
  /**
   * Whether the node takes work, read at each beat.
   * @defaultValue () => 'ready'
   */
  status?: Provider<PeerStatus>;
  /** Where beats are recorded (the registry verifies them as any other node's). */
  registry: Pick<HeartbeatRegistry, 'accept'>;
  /** @defaultValue () => new Date() */
  now?: () => Date;
  /** Between timed beats (ms). @defaultValue HEARTBEAT_INTERVAL_MS (60 000) */
  intervalMs?: number;
  /**
   * Told when a timed beat fails or is refused (the next one is tried on time regardless).
   * @defaultValue ignores it
   */
  onError?: (error: unknown) => void;
}

/** A node reputation without evidence (reputationOf counts every component as one half). */
const NO_HISTORY_REPUTATION = 50;

export class HeartbeatPublisher {
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<unknown> | undefined;

  constructor(private readonly options: HeartbeatPublisherOptions) {}

  /** This node's heartbeat as of now, signed. */
  async heartbeat(): Promise<SignedHeartbeat> {
    const { identity, endpoint, capabilities, reputation, status, now } = this.options;
    const heartbeat: Heartbeat = {
      node_id: identity.nodeId,
      capabilities: [...new Set(await capabilities())].sort(),
      reputation_score: (await reputation?.()) ?? NO_HISTORY_REPUTATION,
      endpoint: typeof endpoint === 'string' ? endpoint : await endpoint(),
      status: (await status?.()) ?? 'ready',
      issued_at: (now?.() ?? new Date()).toISOString(),
      ttl_s: HEARTBEAT_TTL_MS / 1_000,
    };
    const { kty, crv, x } = identity.publicJwk as { kty: 'OKP'; crv: 'Ed25519'; x: string };
    return {
      heartbeat,
      signature: await signJson(identity, heartbeat),
      public_jwk: { kty, crv, x },
    };
  }

  /** Beats once: signs this node's heartbeat and records it; the registry's answer. */
  async beat(): Promise<HeartbeatAcceptance | HeartbeatRejection> {
    const signed = await this.heartbeat();
    return this.options.registry.accept(signed, this.options.now?.() ?? new Date());
  }

  /**
   * Beats now and then every interval until `stop`; a beat still running is not doubled. Resolves
   * once the first beat has been recorded or refused (a refusal goes to `onError`).
   */
  async start(): Promise<void> {
    if (this.timer) return;
    const tick = () => {
      if (this.beating) return;
      this.beating = this.beat()
        .then((answer) => {
          if (!answer.accepted) {
            throw new Error(
              `this node's heartbeat was refused (${answer.reason}): ${answer.message}`,
            );
          }
        })
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.beating = undefined;
        });
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
    await this.beating;
  }

  /** Stops beating, once a beat under way has finished. The node stays listed until its TTL. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.beating;
  }
}
