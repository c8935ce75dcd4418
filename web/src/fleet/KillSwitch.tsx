// The tenant's kill switch: freezing every agent at once (their spending and new work stop) asks
// for a confirmation first; unfreezing them all does not.

import { useState } from 'react';
import { Dialog } from '../ui/Dialog';

export function KillSwitch(props: {
  agentCount: number;
  tenant: string;
  busy: boolean;
  onFreezeAll: () => void;
  onUnfreezeAll: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="kill-switch" aria-labelledby="kill-switch-title">
      <h2 id="kill-switch-title">Kill switch</h2>
      <p className="muted">Stops the spending and new work of every agent of {props.tenant}.</p>
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          disabled={props.busy}
          onClick={() => setConfirming(true)}
        >
          Freeze all agents…
        </button>
        <button
          type="button"
          className="button"
          disabled={props.busy}
          onClick={props.onUnfreezeAll}
        >
          Unfreeze all agents
        </button>
      </div>
      <Dialog
        open={confirming}
        title={`Freeze all ${props.agentCount} ${props.agentCount === 1 ? 'agent' : 'agents'}?`}
        onClose={() => setConfirming(false)}
      >
        <p>
          Every agent of {props.tenant} stops spending and taking new work at once. Work already
          running finishes; nothing new starts until you unfreeze them.
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              setConfirming(false);
              props.onFreezeAll();
            }}
          >
            Freeze all agents
          </button>
          {/* The safe choice takes the focus. */}
          <button
            type="button"
            className="button"
            data-autofocus
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
        </div>
      </Dialog>
    </section>
  );
}
