-- A revoked API token becomes a 'token-revoked' event of its tenant's live feed, in the revoking
-- transaction. Besides telling the tenant's dashboards, the notification it sends at commit is
-- how every process drops the token from its authentication cache at once.

CREATE FUNCTION chimera_token_revoked_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM chimera_emit_event(NEW.tenant_id, 'token-revoked', NEW.id::text,
    jsonb_build_object('token_id', NEW.id, 'role', NEW.role, 'name', NEW.name));
  RETURN NULL;
END;
$$;
CREATE TRIGGER api_tokens_revoked_event AFTER UPDATE OF revoked_at ON api_tokens
  FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
  EXECUTE FUNCTION chimera_token_revoked_event();
