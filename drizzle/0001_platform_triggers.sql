-- The audit log is append-only: rows are never deleted, and the only update allowed is the
-- one-time seal (chain_pos and seal set from null) by the sealing job.
CREATE FUNCTION platform_audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'platform_audit_log is append-only' USING ERRCODE = '42501';
  END IF;
  IF OLD.seal IS NOT NULL
     OR NEW.company_id IS DISTINCT FROM OLD.company_id OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.txid IS DISTINCT FROM OLD.txid OR NEW.at IS DISTINCT FROM OLD.at
     OR NEW.actor_user_id IS DISTINCT FROM OLD.actor_user_id OR NEW.actor_token_id IS DISTINCT FROM OLD.actor_token_id
     OR NEW.request_id IS DISTINCT FROM OLD.request_id OR NEW.entity IS DISTINCT FROM OLD.entity
     OR NEW.entity_id IS DISTINCT FROM OLD.entity_id OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.changes IS DISTINCT FROM OLD.changes OR NEW.reason IS DISTINCT FROM OLD.reason
     OR NEW.seal IS NULL OR NEW.chain_pos IS NULL THEN
    RAISE EXCEPTION 'platform_audit_log is append-only' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER platform_audit_log_guard_trg BEFORE UPDATE OR DELETE ON platform_audit_log
  FOR EACH ROW EXECUTE FUNCTION platform_audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER platform_audit_log_no_truncate_trg BEFORE TRUNCATE ON platform_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_log_guard();
