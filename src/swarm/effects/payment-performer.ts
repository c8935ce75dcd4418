// Performs 'payment' effects: the approved transfer goes to the wallet's `transfer` tool with the
// task's idempotency key, which the wallet honours once, so a retry after a crash gets the first
// transaction back instead of paying twice. Through the cost governor, the call settles the
// approval the skill's run reserved.

import { z } from 'zod';
import { PaymentTransfer } from '../../skills/commerce/pay-agent-skill.js';
import type { EffectPerformer } from './effect-executor.js';

const Transferred = z.object({ tx_id: z.string(), status: z.string(), replayed: z.boolean() });

export const paymentPerformer: EffectPerformer = {
  kind: 'payment',
  specId: 'SK-PAY-001',
  async perform(effect, tools) {
    const transfer = PaymentTransfer.parse(effect.payload);
    const answer = await tools.callTool('wallet', 'transfer', transfer, {
      outputSchema: Transferred,
    });
    return { ...transfer, ...answer };
  },
};
