-- 0005: a frozen agent runs nothing. Claiming a task of a frozen agent holds it instead: the task
-- goes back to 'pending' (the 'hold' transition) with a trace event, and the Planner queues it
-- again once the agent is unfrozen.

CREATE OR REPLACE FUNCTION chimera_claim_task(
  p_task_id uuid, p_running text, p_worker text, p_lease_expires_at timestamptz
) RETURNS SETOF tasks LANGUAGE plpgsql AS $$
DECLARE
  claimed tasks;
  held tasks;
BEGIN
  UPDATE tasks
  SET status = 'pending', state_version = state_version + 1, run_at = NULL, updated_at = now()
  WHERE id = p_task_id AND status = 'queued'
    AND EXISTS (SELECT 1 FROM agents WHERE agents.id = tasks.agent_id AND agents.status = 'frozen')
  RETURNING * INTO held;
  IF FOUND THEN
    INSERT INTO trace_events (kind, spec_id, campaign_id, task_id, agent_id, attempt, outcome, detail)
    VALUES ('task-hold', held.spec_id, held.campaign_id, held.id, held.agent_id, held.attempt,
            'agent-frozen', jsonb_build_object('worker', p_worker));
    RETURN;
  END IF;
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
