// Creating a campaign (operators): start from a one-step template, from the steps of a campaign
// you have, or from a pasted campaign file; edit name, goal, agents and steps; the API validates
// it, and each problem it names is shown next to its field.

import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { type CampaignSummary, campaignApi } from '../api/campaign-endpoints';
import { errorMessage } from '../api/client';
import { fieldProblemsOf } from '../api/field-problems';
import { Link, navigate } from '../app/navigation';
import { mayAct, useSession } from '../session/session';
import { useAnnounce } from '../ui/announcer';
import { PageHeading } from '../ui/PageHeading';
import {
  BLANK_DRAFT,
  type CampaignDraft,
  type DraftField,
  draftOf,
  fileOf,
  problemsByField,
} from './campaign-form';
import '../styles/campaigns.css';

export function NewCampaignPage() {
  const { role } = useSession();
  return (
    <>
      <PageHeading title="New campaign" />
      <p className="back">
        <Link to="/campaigns">All campaigns</Link>
      </p>
      {mayAct(role, 'operator') ? (
        <CampaignForm />
      ) : (
        <p className="notice">
          Only an operator can create a campaign; you are signed in as a {role}.
        </p>
      )}
    </>
  );
}

interface Refusal {
  byField: Partial<Record<DraftField, string>>;
  other: string[];
}

function CampaignForm() {
  const announce = useAnnounce();
  const [draft, setDraft] = useState<CampaignDraft>(BLANK_DRAFT);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [focusOn, setFocusOn] = useState<DraftField | null>(null);
  const [busy, setBusy] = useState(false);
  const [sources, setSources] = useState<CampaignSummary[]>([]);
  const [source, setSource] = useState('');
  const [agents, setAgents] = useState<string[] | null>(null);
  const [pasted, setPasted] = useState('');
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const fields = useRef<Partial<Record<DraftField, HTMLInputElement | HTMLTextAreaElement | null>>>(
    {},
  );

  useEffect(() => {
    const from = new URLSearchParams(window.location.search).get('from');
    campaignApi.list().then(
      ({ campaigns }) => {
        setSources(campaigns);
        const chosen = campaigns.find((summary) => summary.campaign.id === from);
        if (chosen) {
          setSource(chosen.campaign.id);
          setDraft(draftOf(chosen.campaign));
        }
      },
      () => setSources([]),
    );
    campaignApi.agents().then(
      ({ agents: found }) => setAgents(found.map((agent) => agent.id)),
      () => setAgents(null),
    );
  }, []);
  useEffect(() => {
    if (focusOn) fields.current[focusOn]?.focus();
    setFocusOn(null);
  }, [focusOn]);

  const edit = (field: DraftField) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const startFrom = (id: string) => {
    setSource(id);
    const chosen = sources.find((summary) => summary.campaign.id === id);
    setDraft(chosen ? draftOf(chosen.campaign) : BLANK_DRAFT);
    setRefusal(null);
  };
  const fillFromFile = () => {
    try {
      setDraft(draftOf(JSON.parse(pasted)));
      setPasteProblem(null);
      setRefusal(null);
      setFocusOn('name');
    } catch (error) {
      setPasteProblem(`Not a campaign file: ${(error as Error).message}`);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = fileOf(draft);
    if ('stepsProblem' in made) {
      setRefusal({ byField: { steps: made.stepsProblem }, other: [] });
      setFocusOn('steps');
      return;
    }
    setBusy(true);
    try {
      const created = await campaignApi.create(made.file);
      const count = Object.values(created.tasks).reduce((sum, n) => sum + (n ?? 0), 0);
      announce(`Created ${created.campaign.name} with ${count} ${count === 1 ? 'task' : 'tasks'}.`);
      navigate(`/campaigns/${created.campaign.id}`);
    } catch (failure) {
      const { byField, other, first } = problemsByField(fieldProblemsOf(failure));
      const unplaced = first === null && other.length === 0 ? [errorMessage(failure)] : other;
      setRefusal({ byField, other: unplaced });
      setFocusOn(first);
    } finally {
      setBusy(false);
    }
  };

  const problem = (field: DraftField) => refusal?.byField[field];
  const count = refusal ? Object.keys(refusal.byField).length + refusal.other.length : 0;
  const bind = (field: DraftField) => ({
    id: `campaign-${field}`,
    value: draft[field],
    ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      fields.current[field] = element;
    },
    'aria-invalid': problem(field) !== undefined,
    'aria-describedby': describedBy(field, problem(field) !== undefined),
  });

  return (
    <form className="form campaign-form" onSubmit={submit} noValidate>
      {refusal && (
        <div className="notice notice-error" role="alert">
          <p className="form-error">
            The campaign was not created: {count} {count === 1 ? 'problem' : 'problems'}, shown next
            to {count === 1 ? 'its field' : 'their fields'}.
          </p>
          {refusal.other.length > 0 && (
            <ul>
              {refusal.other.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="campaign-source">Start from</label>
        <select
          id="campaign-source"
          value={source}
          onChange={(event) => startFrom(event.target.value)}
          aria-describedby="campaign-source-hint"
        >
          <option value="">A one-step template</option>
          {sources.map(({ campaign }) => (
            <option key={campaign.id} value={campaign.id}>
              The steps of “{campaign.name}”
            </option>
          ))}
        </select>
        <p id="campaign-source-hint" className="field-hint">
          Fills the form; change anything before you create the campaign.
        </p>
      </div>
      <details className="paste-file">
        <summary>Paste a campaign file (JSON)</summary>
        <div className="field">
          <label htmlFor="campaign-file">Campaign file</label>
          <textarea
            id="campaign-file"
            className="code"
            rows={8}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            aria-invalid={pasteProblem !== null}
            aria-describedby="campaign-file-hint"
            spellCheck={false}
          />
          <p id="campaign-file-hint" className={pasteProblem ? 'field-error' : 'field-hint'}>
            {pasteProblem ??
              'The JSON `chimera campaign launch` reads: name, goal, agent_ids and template.'}
          </p>
          <div>
            <button type="button" className="button" onClick={fillFromFile}>
              Fill the form from the file
            </button>
          </div>
        </div>
      </details>
      <Field field="name" label="Name" hint="How the campaign is listed." problem={problem('name')}>
        <input
          {...bind('name')}
          type="text"
          onChange={(event) => edit('name')(event.target.value)}
        />
      </Field>
      <Field
        field="goal"
        label="Goal"
        hint="What the agents pursue, in a sentence; steps can read it as campaign.goal."
        problem={problem('goal')}
      >
        <textarea
          {...bind('goal')}
          rows={2}
          onChange={(event) => edit('goal')(event.target.value)}
        />
      </Field>
      <Field
        field="agents"
        label="Agents"
        hint={`Agent ids, separated by commas.${agents ? ` Yours: ${agents.join(', ') || 'none yet'}.` : ''}`}
        problem={problem('agents')}
      >
        <input
          {...bind('agents')}
          type="text"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => edit('agents')(event.target.value)}
        />
      </Field>
      <Field
        field="steps"
        label="Steps (JSON)"
        hint="A list of steps, each with key and skill, and depends_on, input, priority or max_attempts as needed. Each agent gets one task per step."
        problem={problem('steps')}
      >
        <textarea
          {...bind('steps')}
          className="code"
          rows={14}
          spellCheck={false}
          onChange={(event) => edit('steps')(event.target.value)}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create campaign'}
        </button>
        <Link to="/campaigns" className="button">
          Back to campaigns
        </Link>
      </div>
    </form>
  );
}

function describedBy(field: DraftField, invalid: boolean): string {
  return [`campaign-${field}-hint`, invalid ? `campaign-${field}-error` : null]
    .filter(Boolean)
    .join(' ');
}

/** A labelled field with its hint and, when the API named it, its problem right below. */
function Field(props: {
  field: DraftField;
  label: string;
  hint: string;
  problem: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field" data-field={props.field} data-invalid={props.problem !== undefined}>
      <label htmlFor={`campaign-${props.field}`}>{props.label}</label>
      {props.children}
      {props.problem !== undefined && (
        <p id={`campaign-${props.field}-error`} className="field-error">
          {props.problem}
        </p>
      )}
      <p id={`campaign-${props.field}-hint`} className="field-hint">
        {props.hint}
      </p>
    </div>
  );
}
