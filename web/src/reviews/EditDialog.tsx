// Edit-and-approve: the card's public text in fields the reviewer rewrites, then, before anything
// is sent, the edit against the original as a word diff (<del>/<ins> with spoken markers, never
// colour alone). Confirming sends only the changed fields; the content policies judge the edit
// on the server, and a refusal is shown here while the dialog stays open.

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import type { ReviewItem } from '../api/wire-types';
import { Dialog } from '../ui/Dialog';
import {
  type EditableField,
  editableFields,
  editedOutput,
  fieldValue,
  itemTitle,
} from './review-content';
import { type DiffPart, diffCounts, diffWords } from './word-diff';

export function EditDialog(props: {
  /** The card being edited; null when closed. */
  item: ReviewItem | null;
  /** Sends the changed fields; rejects with the server's refusal. */
  onSubmit: (changes: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
}) {
  const { item } = props;
  return (
    <Dialog
      open={item !== null}
      title={item ? `Edit and approve ${itemTitle(item)}` : 'Edit and approve'}
      onClose={props.onClose}
    >
      {item && (
        <EditForm
          key={item.review.id}
          fields={editableFields(editedOutput(item))}
          onSubmit={props.onSubmit}
          onClose={props.onClose}
        />
      )}
    </Dialog>
  );
}

function EditForm(props: {
  fields: EditableField[];
  onSubmit: (changes: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
}) {
  const [values, setValues] = useState(() => props.fields.map((field) => field.value));
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const errorId = useId();
  const baseId = useId();
  const changesRef = useRef<HTMLElement>(null);
  const firstFieldRef = useRef<HTMLTextAreaElement>(null);
  /** Set by "Back to editing", whose button leaves with the step. */
  const backToEditing = useRef(false);

  const changed = props.fields.filter((field, index) => values[index] !== field.value);

  // The focus follows the step: the changes to read, or the first field to edit again.
  useEffect(() => {
    if (step === 'confirm') changesRef.current?.focus();
    else if (backToEditing.current) firstFieldRef.current?.focus();
    backToEditing.current = false;
  }, [step]);

  const review = (event: FormEvent) => {
    event.preventDefault();
    if (changed.length === 0) {
      setError('Nothing is changed yet: edit the text, or close this and approve it as it is.');
      return;
    }
    setError(null);
    setStep('confirm');
  };

  const send = async () => {
    setSending(true);
    try {
      const changes: Record<string, unknown> = {};
      for (const field of changed) {
        changes[field.key] = fieldValue(field, values[props.fields.indexOf(field)] ?? '');
      }
      await props.onSubmit(changes);
      props.onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSending(false);
    }
  };

  const alert = error && (
    <p id={errorId} className="form-error" role="alert">
      {error}
    </p>
  );

  if (props.fields.length === 0) {
    return (
      <>
        <p>This output has no public text to edit.</p>
        <div className="actions">
          <button type="button" className="button" data-autofocus onClick={props.onClose}>
            Close
          </button>
        </div>
      </>
    );
  }

  if (step === 'confirm') {
    return (
      <>
        <section
          ref={changesRef}
          className="edit-changes"
          aria-labelledby={`${baseId}-changes`}
          tabIndex={-1}
        >
          <h3 id={`${baseId}-changes`} className="edit-changes-title">
            Your changes
          </h3>
          <p className="muted">Struck-through words are removed; underlined words are added.</p>
          {changed.map((field) => (
            <FieldDiff
              key={field.key}
              label={field.label}
              parts={diffWords(field.value, values[props.fields.indexOf(field)] ?? '')}
            />
          ))}
        </section>
        {alert}
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={sending}
            onClick={() => void send()}
            aria-describedby={error ? errorId : undefined}
          >
            Approve with this edit
          </button>
          <button
            type="button"
            className="button"
            disabled={sending}
            onClick={() => {
              setError(null);
              backToEditing.current = true;
              setStep('edit');
            }}
          >
            Back to editing
          </button>
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </>
    );
  }

  return (
    <form onSubmit={review} className="form" noValidate>
      {props.fields.map((field, index) => (
        <div key={field.key} className="form-field">
          <label htmlFor={`${baseId}-${field.key}`}>{field.label}</label>
          <textarea
            id={`${baseId}-${field.key}`}
            ref={index === 0 ? firstFieldRef : undefined}
            value={values[index] ?? ''}
            onChange={(event) => {
              const next = [...values];
              next[index] = event.target.value;
              setValues(next);
            }}
            rows={
              field.kind === 'tags'
                ? 2
                : Math.min(10, Math.max(3, Math.ceil(field.value.length / 60)))
            }
            data-autofocus={index === 0 ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {field.kind === 'tags' && <p className="muted hint">Separate hashtags with spaces.</p>}
        </div>
      ))}
      {alert}
      <div className="actions">
        <button type="submit" className="button button-primary">
          Review changes
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One field's edit as a word diff, with its counts in words. */
function FieldDiff(props: { label: string; parts: DiffPart[] }) {
  const counts = diffCounts(props.parts);
  return (
    <div className="field-diff">
      <h4 className="field-diff-title">
        {props.label}{' '}
        <span className="muted">
          ({counts.removed} {counts.removed === 1 ? 'word' : 'words'} removed, {counts.added} added)
        </span>
      </h4>
      <p className="diff">
        {props.parts.map((part, index) => {
          const key = `${index}-${part.kind}`;
          if (part.kind === 'same') return <span key={key}>{part.text}</span>;
          if (part.kind === 'removed') {
            return (
              <del key={key}>
                <span className="visually-hidden">[removed: </span>
                {part.text}
                <span className="visually-hidden">]</span>
              </del>
            );
          }
          return (
            <ins key={key}>
              <span className="visually-hidden">[added: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        })}
      </p>
    </div>
  );
}
