// Pause, resume and cancel for operators: only the changes the campaign's state allows are
// offered, and cancelling (its open tasks are cancelled, its pending reviews closed) is confirmed.

import { useState } from 'react';
import type { Campaign, CampaignControl } from '../api/campaign-endpoints';
import { Link } from '../app/navigation';
import { Dialog } from '../ui/Dialog';

export function CampaignControls(props: {
  campaign: Campaign;
  busy: boolean;
  onControl: (control: CampaignControl) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const { status, name, id } = props.campaign;
  const open = status === 'active' || status === 'paused';
  return (
    <div className="actions campaign-controls">
      {status === 'active' && (
        <button
          type="button"
          className="button"
          disabled={props.busy}
          onClick={() => props.onControl('pause')}
        >
          Pause campaign
        </button>
      )}
      {status === 'paused' && (
        <button
          type="button"
          className="button button-primary"
          disabled={props.busy}
          onClick={() => props.onControl('resume')}
        >
          Resume campaign
        </button>
      )}
      {open && (
        <button
          type="button"
          className="button button-danger"
          disabled={props.busy}
          onClick={() => setConfirming(true)}
        >
          Cancel campaign…
        </button>
      )}
      <Link to={`/campaigns/new?from=${encodeURIComponent(id)}`} className="button">
        Use as a template
      </Link>
      <Dialog open={confirming} title={`Cancel ${name}?`} onClose={() => setConfirming(false)}>
        <p>
          Its open tasks are cancelled and its pending reviews closed. Work already running
          finishes. A cancelled campaign cannot be resumed.
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              setConfirming(false);
              props.onControl('cancel');
            }}
          >
            Cancel the campaign
          </button>
          <button
            type="button"
            className="button"
            data-autofocus
            onClick={() => setConfirming(false)}
          >
            Keep it
          </button>
        </div>
      </Dialog>
    </div>
  );
}
