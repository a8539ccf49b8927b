-- Audit numbers are consecutive: each row takes the previous row's number + 1, read under the chain
-- lock the trigger already holds, so the chain order, the number order and the commit order are one,
-- and a rolled-back append leaves no hole. The identity column still draws a value before the
-- trigger runs; that value is discarded here. (Numbers drawn by 0004 skip by 2; rows written before
-- this migration keep them, since the numbers are part of their hashes.)
-- In a REPEATABLE READ or SERIALIZABLE transaction the read below could miss a row committed after
-- the transaction's snapshot; the primary key then refuses the duplicate number instead of the chain
-- silently forking.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous_id bigint;
  previous_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('orbitshare.audit_log'));
  SELECT id, hash INTO previous_id, previous_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.id := coalesce(previous_id, 0) + 1;
  NEW.prev_hash := coalesce(previous_hash, '');
  NEW.hash := encode(sha256(convert_to(
    NEW.prev_hash || '|' || NEW.id || '|' || to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' ||
    NEW.actor || '|' || NEW.action || '|' || NEW.subject_type || '|' || NEW.subject_id || '|' ||
    NEW.details::text || '|' || coalesce(NEW.address, ''), 'UTF8')), 'hex');
  RETURN NEW;
END $$;
--> statement-breakpoint
-- UPDATE and DELETE are refused row by row (0001); TRUNCATE fires no row trigger, so it gets its own.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
