-- A version number for everything the public portal shows (issue 11 item 8). Public answers are
-- cached in each server's memory under the version they were computed at; every server reads this
-- one row per public request, so a write committed through any server (or the CLI, or psql) is seen
-- by the next read on every server. A row read costs one round trip but is never stale; LISTEN/NOTIFY
-- would save the round trip but leave a window after each commit (and after a dropped listener
-- connection) in which another server still answers from its old cache.
--
-- The bump is a deferred constraint trigger: it runs at commit, in the writing transaction, so the new
-- version and the new data become visible together, and the row lock it takes is the writer's last
-- lock (held only while committing), so writers cannot deadlock on it. A transaction bumps once,
-- however many rows it writes (a transaction-local setting remembers it did).
CREATE TABLE "public_data_version" (
	"id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
	"version" bigint NOT NULL DEFAULT 1,
	"changed_at" timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
INSERT INTO "public_data_version" ("id") VALUES (true) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_public_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('orbitshare.public_data_bumped', true) = 'yes' THEN
		RETURN NULL;
	END IF;
	PERFORM set_config('orbitshare.public_data_bumped', 'yes', true);
	UPDATE "public_data_version" SET "version" = "version" + 1, "changed_at" = now();
	RETURN NULL;
END
$$;
--> statement-breakpoint
-- Watches one table: any insert, update or delete in it bumps the version at commit. A later
-- migration that adds a table the portal reads calls this for it.
CREATE OR REPLACE FUNCTION watch_public_data(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format(
		'CREATE CONSTRAINT TRIGGER public_data_changed AFTER INSERT OR UPDATE OR DELETE ON %s '
		'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_public_data_version()',
		target
	);
END
$$;
--> statement-breakpoint
-- Every table of the schema except the private, busy ones (sessions, sign-in throttles, tokens, mail,
-- jobs, the audit chain, accounts and their roles): over-invalidating is only slower, missing a table would be wrong.
DO $$
DECLARE
	name text;
BEGIN
	FOR name IN
		SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
			AND table_name NOT IN (
				'public_data_version', 'schema_migrations', 'sessions', 'auth_throttle', 'api_tokens',
				'one_time_tokens', 'outbox', 'jobs', 'scheduled_duties', 'audit_log', 'accounts', 'role_grants'
			)
		ORDER BY table_name
	LOOP
		PERFORM watch_public_data(format('%I', name)::regclass);
	END LOOP;
END
$$;
