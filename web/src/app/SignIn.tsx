// The signed-out page: how to get a login link (`chimera login-link`), and a field to paste one.
// Opening the link lets the server set the session cookie; this page never sees a secret kept.

import { type FormEvent, useId, useState } from 'react';

/** The one-time token of a pasted login link, or of a bare token. */
function loginToken(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    return new URL(trimmed, window.location.origin).searchParams.get('token') ?? trimmed;
  } catch {
    return trimmed;
  }
}

export function SignIn() {
  const fieldId = useId();
  const hintId = useId();
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = loginToken(link);
    if (!token) return setError('Paste the login link the command printed.');
    window.location.assign(`/login?token=${encodeURIComponent(token)}`);
  };
  return (
    <main className="sign-in" id="main">
      <h1>Sign in to Chimera</h1>
      <p>
        On the machine that runs Chimera, run <code>chimera login-link</code> and open the link it
        prints. A link works once, for 10 minutes.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <label htmlFor={fieldId}>Login link</label>
        <input
          id={fieldId}
          type="url"
          value={link}
          onChange={(event) => setLink(event.target.value)}
          placeholder="http://127.0.0.1:7420/login?token=chl_…"
          aria-describedby={hintId}
          aria-invalid={error !== null}
          autoComplete="off"
        />
        <p id={hintId} className="muted">
          {error ?? 'Or open the link directly in this browser.'}
        </p>
        <div className="actions">
          <button type="submit" className="button button-primary">
            Sign in
          </button>
        </div>
      </form>
    </main>
  );
}
