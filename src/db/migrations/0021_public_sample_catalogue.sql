-- The public sample catalogue (issue 11 item 4) reads these custody and registry tables; its answers
-- are cached under the public data version (migration 0018), so a write to any of them must bump it.
-- 0018 watched every table that existed then, these included; this makes the dependency explicit
-- and holds if a table is ever recreated: it watches each one that is not watched yet (calling
-- watch_public_data twice on a table would fail on the trigger's name).
DO $$
DECLARE
	name text;
BEGIN
	FOREACH name IN ARRAY ARRAY[
		'sample_collections', 'missions', 'institutions', 'countries', 'samples', 'ledger_entries',
		'loans', 'loan_items', 'research_outputs', 'research_output_samples'
	]
	LOOP
		IF NOT EXISTS (
			SELECT 1 FROM pg_trigger
			WHERE tgrelid = format('%I', name)::regclass AND tgname = 'public_data_changed'
		) THEN
			PERFORM watch_public_data(format('%I', name)::regclass);
		END IF;
	END LOOP;
END
$$;
