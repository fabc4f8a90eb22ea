-- ===== MRP (manufacturing/mrp): every proposal has its run item =====
-- A run writes ~150,000 proposals; a row-level foreign key checks each row on its own (about 1 s per key
-- for a run on a busy machine). These triggers keep the same guarantee once per statement: the rows a
-- statement wrote must all have their run item (company, run, product, warehouse — the run item's own
-- foreign keys vouch for those), and deleting run items deletes their proposals, as ON DELETE CASCADE did.

CREATE FUNCTION manufacturing_mrp_proposal_item_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_row record;
BEGIN
  SELECT n.run_id, n.product_id, n.warehouse_id INTO v_row
    FROM written n
   WHERE NOT EXISTS (
           SELECT 1 FROM manufacturing_mrp_run_item i
            WHERE i.company_id = n.company_id AND i.run_id = n.run_id
              AND i.product_id = n.product_id AND i.warehouse_id = n.warehouse_id)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'mrp proposal of run % has no run item for product % in warehouse %',
      v_row.run_id, v_row.product_id, v_row.warehouse_id
      USING ERRCODE = '23503';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER manufacturing_mrp_proposal_item_ins_trg AFTER INSERT ON manufacturing_mrp_proposal
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION manufacturing_mrp_proposal_item_check();
--> statement-breakpoint
CREATE TRIGGER manufacturing_mrp_proposal_item_upd_trg AFTER UPDATE ON manufacturing_mrp_proposal
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION manufacturing_mrp_proposal_item_check();
--> statement-breakpoint
CREATE FUNCTION manufacturing_mrp_run_item_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM manufacturing_mrp_proposal p
   USING removed o
   WHERE p.company_id = o.company_id AND p.run_id = o.run_id
     AND p.product_id = o.product_id AND p.warehouse_id = o.warehouse_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER manufacturing_mrp_run_item_cascade_trg AFTER DELETE ON manufacturing_mrp_run_item
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION manufacturing_mrp_run_item_cascade();
--> statement-breakpoint
-- A run item is never re-keyed (its proposals would lose it).
CREATE FUNCTION manufacturing_mrp_run_item_rekey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an mrp run item cannot change its run, product or warehouse' USING ERRCODE = '23503';
END $$;
--> statement-breakpoint
CREATE TRIGGER manufacturing_mrp_run_item_rekey_trg BEFORE UPDATE OF company_id, run_id, product_id, warehouse_id
  ON manufacturing_mrp_run_item FOR EACH ROW EXECUTE FUNCTION manufacturing_mrp_run_item_rekey();
