-- ===== Ledger (accounting/ledger): the database's own guarantees for journal entries =====
-- The service checks all of this first and answers with a clear 4xx; these triggers make the same rules
-- hold for any SQL written past the service (INV-GL-01, INV-IMM-01, INV-LOCK-01).

-- A posted entry balances and has at least two lines. Deferred to commit, so the service may write the
-- entry, its lines and the state change in any order inside one transaction.
CREATE FUNCTION accounting_entry_balance_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_company uuid;
  v_entry uuid;
  v_state text;
  v_lines int;
  v_debit numeric;
  v_credit numeric;
BEGIN
  IF TG_TABLE_NAME = 'accounting_entry' THEN
    v_company := NEW.company_id; v_entry := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    v_company := OLD.company_id; v_entry := OLD.entry_id;
  ELSE
    v_company := NEW.company_id; v_entry := NEW.entry_id;
  END IF;
  SELECT state INTO v_state FROM accounting_entry WHERE company_id = v_company AND id = v_entry;
  IF v_state IS DISTINCT FROM 'posted' THEN
    RETURN NULL;
  END IF;
  SELECT count(*), coalesce(sum(debit), 0), coalesce(sum(credit), 0) INTO v_lines, v_debit, v_credit
    FROM accounting_entry_line WHERE company_id = v_company AND entry_id = v_entry;
  IF v_lines < 2 THEN
    RAISE EXCEPTION 'accounting entry % is posted with % line(s); at least 2 are needed', v_entry, v_lines
      USING ERRCODE = '23514';
  END IF;
  IF v_debit <> v_credit THEN
    RAISE EXCEPTION 'accounting entry % does not balance: debit % <> credit %', v_entry, v_debit, v_credit
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER accounting_entry_balance_trg AFTER INSERT OR UPDATE ON accounting_entry
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION accounting_entry_balance_check();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER accounting_entry_line_balance_trg AFTER INSERT OR UPDATE OR DELETE ON accounting_entry_line
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION accounting_entry_balance_check();
--> statement-breakpoint

-- A posted entry is immutable: it is corrected by a reversal. Only its attachment count may change
-- (attaching a scanned receipt to a posted voucher is not an accounting change). Posting checks that the
-- entry's period is open, locking the period row against a concurrent close (FOR SHARE), and that the
-- date lies in that period.
CREATE FUNCTION accounting_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_state text;
  v_start date;
  v_end date;
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    IF TG_OP = 'TRUNCATE' OR OLD.state = 'posted' THEN
      RAISE EXCEPTION 'a posted accounting entry cannot be deleted; reverse it' USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.state = 'posted' THEN
    IF (to_jsonb(NEW) - 'attachments_count' - 'version' - 'updated_at')
       IS DISTINCT FROM (to_jsonb(OLD) - 'attachments_count' - 'version' - 'updated_at') THEN
      RAISE EXCEPTION 'posted accounting entry % cannot be changed; reverse it', OLD.id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.state = 'posted' THEN
    SELECT state, start_date, end_date INTO v_state, v_start, v_end FROM accounting_period
     WHERE company_id = NEW.company_id AND id = NEW.period_id FOR SHARE;
    IF v_state IS DISTINCT FROM 'open' THEN
      RAISE EXCEPTION 'accounting period of entry % is closed', NEW.id USING ERRCODE = '23514';
    END IF;
    IF NEW.entry_date < v_start OR NEW.entry_date > v_end THEN
      RAISE EXCEPTION 'entry % is dated outside its period', NEW.id USING ERRCODE = '23514';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounting_entry_guard_trg BEFORE INSERT OR UPDATE OR DELETE ON accounting_entry
  FOR EACH ROW EXECUTE FUNCTION accounting_entry_guard();
--> statement-breakpoint
CREATE TRIGGER accounting_entry_no_truncate_trg BEFORE TRUNCATE ON accounting_entry
  FOR EACH STATEMENT EXECUTE FUNCTION accounting_entry_guard();
--> statement-breakpoint

-- Lines of a posted entry are neither added, changed nor deleted.
CREATE FUNCTION accounting_entry_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_state text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'lines of posted accounting entries cannot be deleted' USING ERRCODE = '42501';
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT state INTO v_state FROM accounting_entry WHERE company_id = OLD.company_id AND id = OLD.entry_id;
    IF v_state = 'posted' THEN
      RAISE EXCEPTION 'lines of posted accounting entry % cannot be changed', OLD.entry_id USING ERRCODE = '42501';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT state INTO v_state FROM accounting_entry WHERE company_id = NEW.company_id AND id = NEW.entry_id;
    IF v_state = 'posted' THEN
      RAISE EXCEPTION 'lines cannot be added to posted accounting entry %', NEW.entry_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounting_entry_line_guard_trg BEFORE INSERT OR UPDATE OR DELETE ON accounting_entry_line
  FOR EACH ROW EXECUTE FUNCTION accounting_entry_line_guard();
--> statement-breakpoint
CREATE TRIGGER accounting_entry_line_no_truncate_trg BEFORE TRUNCATE ON accounting_entry_line
  FOR EACH STATEMENT EXECUTE FUNCTION accounting_entry_line_guard();
--> statement-breakpoint

-- A closed period stays closed for postings: no UPDATE may bring an entry's date into it either, which
-- the entry guard covers; closing a period with drafts in it is allowed (they cannot be posted there).
-- ===== end of Ledger =====
