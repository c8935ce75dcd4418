-- 0002: the two statements every governed task runs, as PL/pgSQL functions. PL/pgSQL keeps each
-- statement's plan for the session, so the claim and the approval commit are planned once per
-- connection instead of once per task (planning cost ~4x the execution). They only write what
-- the caller decided: the state machine stays in TypeScript.

-- Claims a queued task for a worker and records task-start; returns no row if it is not queued.
CREATE FUNCTION chimera_claim_task(
  p_task_id uuid, p_running text, p_worker text, p_lease_expires_at timestamptz
) RETURNS SETOF tasks LANGUAGE plpgsql AS $$
DECLARE
  claimed tasks;
BEGIN
  UPDATE tasks
  SET status = p_running, state_version = state_version + 1, attempt = attempt + 1,
      assigned_worker_id = p_worker, lease_expires_at = p_lease_expires_at, run_at = NULL,
      updated_at = now()
  WHERE id = p_task_id AND status = 'queued'
  RETURNING * INTO claimed;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO trace_events (kind, spec_id, campaign_id, task_id, agent_id, attempt, outcome, detail)
  VALUES ('task-start', claimed.spec_id, claimed.campaign_id, claimed.id, claimed.agent_id,
          claimed.attempt, 'claimed', jsonb_build_object('worker', p_worker));
  RETURN NEXT claimed;
END
$$;

-- Commits an approval: the version-guarded task update, the Judge's result row (when given), the
-- effect under the task's idempotency key (a duplicate is skipped), and the trace events. When
-- p_external, the effect is recorded as 'recorded' and a perform_effect job (keyed by the effect)
-- is added, so approval and the duty to perform commit together. Returns no row, having written
-- nothing, when the task's state_version moved.
CREATE FUNCTION chimera_commit_approval(
  p_task_id uuid, p_expected_version integer, p_status text, p_steps integer, p_output jsonb,
  p_result jsonb, p_effect_kind text, p_effect_payload jsonb, p_events jsonb, p_external boolean,
  OUT task tasks, OUT effect_applied boolean, OUT wakes_planner boolean, OUT effect_id bigint
) RETURNS SETOF record LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tasks
  SET status = p_status, output = p_output, state_version = state_version + p_steps,
      updated_at = now()
  WHERE id = p_task_id AND state_version = p_expected_version
  RETURNING * INTO task;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF p_result IS NOT NULL THEN
    INSERT INTO task_results (task_id, attempt, output, confidence, verdict, verdict_confidence,
                              reasons, judged_at, duration_ms)
    VALUES (task.id, (p_result->>'attempt')::integer, p_output,
            (p_result->>'confidence')::double precision, 'approve',
            (p_result->>'confidence')::double precision, p_result->'reasons',
            (p_result->>'judged_at')::timestamptz, (p_result->>'duration_ms')::double precision);
  END IF;
  INSERT INTO trace_events (kind, spec_id, campaign_id, task_id, agent_id, attempt, duration_ms,
                            outcome, detail)
  SELECT e.kind, e.spec_id, e.campaign_id, e.task_id, e.agent_id, e.attempt, e.duration_ms,
         e.outcome, e.detail
  FROM jsonb_to_recordset(p_events) AS e(kind text, spec_id text, campaign_id uuid, task_id uuid,
       agent_id text, attempt integer, duration_ms double precision, outcome text, detail jsonb);
  effect_applied := false;
  IF p_effect_kind IS NOT NULL THEN
    INSERT INTO effects (task_id, kind, idempotency_key, payload, status)
    VALUES (task.id, p_effect_kind, task.idempotency_key, p_effect_payload,
            CASE WHEN p_external THEN 'recorded' ELSE 'performed' END)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id INTO effect_id;
    effect_applied := FOUND;
    IF effect_applied AND p_external THEN
      PERFORM graphile_worker.add_job('perform_effect', json_build_object('effectId', effect_id),
                                      job_key => 'effect:' || effect_id);
    END IF;
    INSERT INTO trace_events (kind, spec_id, campaign_id, task_id, agent_id, attempt, outcome, detail)
    VALUES ('effect-apply', task.spec_id, task.campaign_id, task.id, task.agent_id, task.attempt,
            CASE WHEN effect_applied THEN 'applied' ELSE 'duplicate' END,
            jsonb_build_object('kind', p_effect_kind));
  END IF;
  wakes_planner := task.has_dependents OR NOT EXISTS (
    SELECT 1 FROM tasks t
    WHERE t.campaign_id = task.campaign_id AND t.id <> task.id
      AND t.status NOT IN ('done', 'failed', 'cancelled'));
  RETURN NEXT;
END
$$;
