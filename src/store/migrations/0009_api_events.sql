-- The live event feed behind GET /api/v1/events: every task state change, new review, review
-- decision, spend decision and publication is appended to api_events with its tenant, by
-- triggers, in the writer's own transaction; a NOTIFY on 'chimera_events' (delivered at commit)
-- wakes the subscribers of every process, who read the rows after the last id they sent. The id
-- is the SSE event id a client resumes from with Last-Event-ID.

CREATE TABLE api_events (
  id          bigserial PRIMARY KEY,
  tenant_id   text NOT NULL,
  kind        text NOT NULL,
  subject_id  text NOT NULL,
  data        jsonb NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_events_tenant_idx ON api_events (tenant_id, id);

CREATE FUNCTION chimera_emit_event(tenant text, kind text, subject text, data jsonb)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  event_id bigint;
BEGIN
  IF tenant IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO api_events (tenant_id, kind, subject_id, data)
  VALUES (tenant, kind, subject, data)
  RETURNING id INTO event_id;
  PERFORM pg_notify('chimera_events', tenant || ':' || event_id);
END;
$$;

CREATE FUNCTION chimera_task_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status THEN
    RETURN NULL;
  END IF;
  PERFORM chimera_emit_event(
    (SELECT tenant_id FROM campaigns WHERE id = NEW.campaign_id),
    'task-state', NEW.id::text,
    jsonb_build_object('task_id', NEW.id, 'campaign_id', NEW.campaign_id, 'agent_id', NEW.agent_id,
      'step_key', NEW.step_key, 'status', NEW.status, 'attempt', NEW.attempt));
  RETURN NULL;
END;
$$;
CREATE TRIGGER tasks_api_event AFTER INSERT OR UPDATE OF status ON tasks
  FOR EACH ROW EXECUTE FUNCTION chimera_task_event();

CREATE FUNCTION chimera_review_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status THEN
    RETURN NULL;
  END IF;
  PERFORM chimera_emit_event(
    (SELECT c.tenant_id FROM tasks t JOIN campaigns c ON c.id = t.campaign_id WHERE t.id = NEW.task_id),
    CASE WHEN TG_OP = 'INSERT' THEN 'review-opened' ELSE 'review-decided' END, NEW.id::text,
    jsonb_build_object('review_id', NEW.id, 'task_id', NEW.task_id, 'kind', NEW.kind,
      'status', NEW.status, 'reasons', NEW.reasons, 'decided_by', NEW.decided_by));
  RETURN NULL;
END;
$$;
CREATE TRIGGER reviews_api_event AFTER INSERT OR UPDATE OF status ON reviews
  FOR EACH ROW EXECUTE FUNCTION chimera_review_event();

CREATE FUNCTION chimera_spend_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status THEN
    RETURN NULL;
  END IF;
  PERFORM chimera_emit_event(
    (SELECT tenant_id FROM agents WHERE id = NEW.agent_id),
    'spend', NEW.request_id,
    jsonb_build_object('request_id', NEW.request_id, 'agent_id', NEW.agent_id,
      'request_type', NEW.request_type, 'amount', NEW.amount::text, 'currency', NEW.currency,
      'status', NEW.status, 'decision', NEW.decision->>'decision'));
  RETURN NULL;
END;
$$;
CREATE TRIGGER spend_requests_api_event AFTER INSERT OR UPDATE OF status ON spend_requests
  FOR EACH ROW EXECUTE FUNCTION chimera_spend_event();

CREATE FUNCTION chimera_post_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stage <> 'published' OR (TG_OP = 'UPDATE' AND OLD.stage = 'published') THEN
    RETURN NULL;
  END IF;
  PERFORM chimera_emit_event(
    (SELECT tenant_id FROM agents WHERE id = NEW.agent_id),
    'post-published', NEW.id::text,
    jsonb_build_object('content_id', NEW.id, 'agent_id', NEW.agent_id,
      'campaign_id', NEW.campaign_id, 'format', NEW.format, 'caption', NEW.caption));
  RETURN NULL;
END;
$$;
CREATE TRIGGER content_pipeline_api_event AFTER INSERT OR UPDATE OF stage ON content_pipeline
  FOR EACH ROW EXECUTE FUNCTION chimera_post_event();
