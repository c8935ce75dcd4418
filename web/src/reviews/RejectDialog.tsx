// Asks the reason for a rejection (the agent gets it as feedback) and sends it. The reason is
// required, as the API requires it; a refusal is shown in the dialog, which stays open.

import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/client';
import { Dialog } from '../ui/Dialog';

export function RejectDialog(props: {
  /** The card's title ("noor/brief"); null when closed. */
  title: string | null;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const fieldId = useId();
  const errorId = useId();
  const close = () => {
    setReason('');
    setError(null);
    props.onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Give the reason: the agent reads it before trying again.');
      return;
    }
    setSending(true);
    try {
      await props.onSubmit(reason.trim());
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog open={props.title !== null} title={`Reject ${props.title ?? ''}`} onClose={close}>
      <form onSubmit={submit} className="form" noValidate>
        <label htmlFor={fieldId}>Reason for rejecting</label>
        <textarea
          id={fieldId}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={4}
          maxLength={2000}
          required
          data-autofocus
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={sending}>
            Reject
          </button>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
