-- The stock ledger is append-only: a move is corrected by another move, never edited or deleted.
CREATE FUNCTION inventory_move_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'inventory_move is append-only: correct stock with a new move' USING ERRCODE = '42501';
END $$;
--> statement-breakpoint
CREATE TRIGGER inventory_move_guard_trg BEFORE UPDATE OR DELETE ON inventory_move
  FOR EACH ROW EXECUTE FUNCTION inventory_move_guard();
--> statement-breakpoint
CREATE TRIGGER inventory_move_no_truncate_trg BEFORE TRUNCATE ON inventory_move
  FOR EACH STATEMENT EXECUTE FUNCTION inventory_move_guard();
