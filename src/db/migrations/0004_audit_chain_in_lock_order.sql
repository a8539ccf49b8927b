-- The identity id of an audit row is drawn before the BEFORE INSERT trigger runs, that is before the
-- chain lock is taken: two transactions appending at once could draw ids in one order and chain in
-- the other, which the verifier reports as a break. Drawing the id again under the lock makes id
-- order and chain order the same (the ids drawn first are left as gaps).
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('orbitshare.audit_log'));
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  SELECT hash INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(previous, '');
  NEW.hash := encode(sha256(convert_to(
    NEW.prev_hash || '|' || NEW.id || '|' || to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' ||
    NEW.actor || '|' || NEW.action || '|' || NEW.subject_type || '|' || NEW.subject_id || '|' ||
    NEW.details::text || '|' || coalesce(NEW.address, ''), 'UTF8')), 'hex');
  RETURN NEW;
END $$;
