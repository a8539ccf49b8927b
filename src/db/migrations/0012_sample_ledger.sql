-- Samples and their mass ledger (issue 10). Masses in whole micrograms. The rules live here so that
-- every writer (services, CLI, a psql session) obeys them:
--  * a sample's mass is the sum of its ledger entries; `balance_ug` caches that sum and only the
--    ledger trigger may change it (the invariant checker compares the two);
--  * no balance ever goes below zero; returns never exceed what was shipped out;
--  * a split_out on the parent and the split_in on the child balance, checked at commit;
--  * ledger entries are append-only;
--  * weighing differences (adjust, receive, return_receipt) stay within the declared tolerance.
--
-- Concurrency: the ledger trigger takes the sample row with SELECT … FOR UPDATE and then writes
-- `balance_ug` on it. Writers to one sample therefore queue on that row instead of each checking a
-- stale sum: under READ COMMITTED the waiting writer re-reads the row the previous one committed
-- (so the check sees every earlier entry), and under REPEATABLE READ / SERIALIZABLE the write to the
-- row makes the later writer fail with a serialization error rather than pass on an old snapshot.
-- We chose row locks over SERIALIZABLE everywhere because they need no retry loop in callers: 100
-- concurrent consumptions of one parent simply run one after the other, and each is refused or
-- applied against the true remainder.
CREATE TABLE "samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL REFERENCES "sample_collections"("id"),
	"parent_id" uuid REFERENCES "samples"("id"),
	"number" text NOT NULL,
	"sample_type" text NOT NULL,
	"container" text,
	"storage_location" text,
	"characterisation" text,
	"use" text DEFAULT 'storage' NOT NULL,
	"declared_mass_ug" bigint NOT NULL,
	"weighing_tolerance_ug" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'in_store' NOT NULL,
	"balance_ug" bigint DEFAULT 0 NOT NULL,
	"next_split" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "samples_number_shape" CHECK ("number" ~ '^[A-Z0-9]+(,[1-9][0-9]*)*$'),
	CONSTRAINT "samples_use" CHECK ("use" in ('research', 'display', 'storage')),
	CONSTRAINT "samples_status" CHECK ("status" in ('in_store', 'in_transit', 'on_loan', 'consumed', 'lost')),
	CONSTRAINT "samples_declared_mass_positive" CHECK ("declared_mass_ug" > 0),
	CONSTRAINT "samples_tolerance_non_negative" CHECK ("weighing_tolerance_ug" >= 0),
	CONSTRAINT "samples_balance_non_negative" CHECK ("balance_ug" >= 0),
	CONSTRAINT "samples_not_own_parent" CHECK ("parent_id" <> "id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "samples_number_key" ON "samples" ("number");
--> statement-breakpoint
CREATE INDEX "samples_parent_idx" ON "samples" ("parent_id");
--> statement-breakpoint
CREATE INDEX "samples_collection_idx" ON "samples" ("collection_id");
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY NOT NULL,
	"sample_id" uuid NOT NULL REFERENCES "samples"("id"),
	"kind" text NOT NULL,
	"delta_ug" bigint NOT NULL,
	"counterpart_sample_id" uuid REFERENCES "samples"("id"),
	"reason" text,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_kind" CHECK ("kind" in ('initial', 'split_out', 'split_in', 'consume', 'loss', 'contamination', 'ship', 'receive', 'return', 'return_receipt', 'adjust')),
	-- The sign says which way mass moves; receipts and adjustments are measured differences (either way).
	CONSTRAINT "ledger_entries_sign" CHECK (
		CASE
			WHEN "kind" in ('initial', 'split_in', 'return') THEN "delta_ug" > 0
			WHEN "kind" in ('split_out', 'consume', 'loss', 'contamination', 'ship') THEN "delta_ug" < 0
			ELSE "delta_ug" <> 0
		END),
	CONSTRAINT "ledger_entries_split_counterpart" CHECK (("kind" in ('split_out', 'split_in')) = ("counterpart_sample_id" is not null)),
	CONSTRAINT "ledger_entries_reported" CHECK ("kind" not in ('loss', 'contamination', 'adjust') or length(trim(coalesce("reason", ''))) > 0)
);
--> statement-breakpoint
CREATE INDEX "ledger_entries_sample_idx" ON "ledger_entries" ("sample_id", "kind");
--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_one_initial" ON "ledger_entries" ("sample_id") WHERE "kind" = 'initial';
--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_one_split_in" ON "ledger_entries" ("sample_id") WHERE "kind" = 'split_in';
--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_one_split_out_per_child" ON "ledger_entries" ("sample_id", "counterpart_sample_id") WHERE "kind" = 'split_out';
--> statement-breakpoint
-- A subsample's number is its parent's number, a comma and the next split number of that parent,
-- drawn under the parent's row lock: numbers are per parent, in order, and a rolled-back split
-- gives its number back (the counter's update rolls back with it), so they stay gapless.
CREATE FUNCTION samples_assign_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	parent_row samples%ROWTYPE;
BEGIN
	IF NEW.parent_id IS NULL THEN
		NEW.next_split := 1;
		NEW.balance_ug := 0;
		RETURN NEW;
	END IF;
	SELECT * INTO parent_row FROM samples WHERE id = NEW.parent_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'parent sample % does not exist', NEW.parent_id USING ERRCODE = '23503';
	END IF;
	IF parent_row.collection_id <> NEW.collection_id THEN
		RAISE EXCEPTION 'a subsample belongs to the collection of its parent' USING ERRCODE = '23514';
	END IF;
	UPDATE samples SET next_split = next_split + 1 WHERE id = NEW.parent_id;
	NEW.number := parent_row.number || ',' || parent_row.next_split;
	NEW.next_split := 1;
	NEW.balance_ug := 0;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER samples_assign_number BEFORE INSERT ON samples FOR EACH ROW EXECUTE FUNCTION samples_assign_number();
--> statement-breakpoint
-- Identity, genealogy and masses of a sample never change; the balance only through the ledger
-- trigger (nested one level deeper), the split counter only through the numbering trigger.
CREATE FUNCTION samples_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id <> OLD.id OR NEW.collection_id <> OLD.collection_id OR NEW.parent_id IS DISTINCT FROM OLD.parent_id
		OR NEW.number <> OLD.number OR NEW.declared_mass_ug <> OLD.declared_mass_ug
		OR NEW.weighing_tolerance_ug <> OLD.weighing_tolerance_ug THEN
		RAISE EXCEPTION 'the identity, genealogy and declared mass of sample % cannot change', OLD.number USING ERRCODE = '23514';
	END IF;
	IF (NEW.balance_ug <> OLD.balance_ug OR NEW.next_split <> OLD.next_split) AND pg_trigger_depth() < 2 THEN
		RAISE EXCEPTION 'the mass of sample % changes only through ledger entries', OLD.number USING ERRCODE = '23514';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER samples_guard_update BEFORE UPDATE ON samples FOR EACH ROW EXECUTE FUNCTION samples_guard_update();
--> statement-breakpoint
CREATE FUNCTION samples_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'samples are never deleted: their custody history stays' USING ERRCODE = '23514';
END $$;
--> statement-breakpoint
CREATE TRIGGER samples_refuse_delete BEFORE DELETE ON samples FOR EACH ROW EXECUTE FUNCTION samples_refuse_delete();
--> statement-breakpoint
CREATE TRIGGER samples_refuse_truncate BEFORE TRUNCATE ON samples FOR EACH STATEMENT EXECUTE FUNCTION samples_refuse_delete();
--> statement-breakpoint
-- Every entry is checked against the sample's true balance, read under the sample's row lock.
CREATE FUNCTION ledger_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	sample_row samples%ROWTYPE;
	shipped bigint;
	returned bigint;
	weighed bigint;
BEGIN
	SELECT * INTO sample_row FROM samples WHERE id = NEW.sample_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'sample % does not exist', NEW.sample_id USING ERRCODE = '23503';
	END IF;
	IF sample_row.balance_ug + NEW.delta_ug < 0 THEN
		RAISE EXCEPTION 'only % µg of % are available', sample_row.balance_ug, sample_row.number
			USING ERRCODE = '23514', CONSTRAINT = 'ledger_balance_non_negative';
	END IF;
	IF NEW.kind = 'return' THEN
		SELECT coalesce(-sum(delta_ug) FILTER (WHERE kind = 'ship'), 0), coalesce(sum(delta_ug) FILTER (WHERE kind = 'return'), 0)
			INTO shipped, returned FROM ledger_entries WHERE sample_id = NEW.sample_id AND kind in ('ship', 'return');
		IF returned + NEW.delta_ug > shipped THEN
			RAISE EXCEPTION 'a return of % µg exceeds the % µg of % still out', NEW.delta_ug, shipped - returned, sample_row.number
				USING ERRCODE = '23514', CONSTRAINT = 'ledger_return_within_lent';
		END IF;
	END IF;
	IF NEW.kind in ('adjust', 'receive', 'return_receipt') THEN
		SELECT coalesce(sum(delta_ug), 0) INTO weighed FROM ledger_entries
			WHERE sample_id = NEW.sample_id AND kind in ('adjust', 'receive', 'return_receipt');
		IF abs(weighed + NEW.delta_ug) > sample_row.weighing_tolerance_ug THEN
			RAISE EXCEPTION 'weighing differences of % reach % µg, beyond its tolerance of % µg', sample_row.number,
				weighed + NEW.delta_ug, sample_row.weighing_tolerance_ug USING ERRCODE = '23514', CONSTRAINT = 'ledger_within_tolerance';
		END IF;
	END IF;
	UPDATE samples SET balance_ug = balance_ug + NEW.delta_ug WHERE id = NEW.sample_id;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_guard BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entries_guard();
--> statement-breakpoint
CREATE FUNCTION ledger_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'ledger entries are append-only: record a correcting entry instead' USING ERRCODE = '23514';
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entries_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_refuse_change();
--> statement-breakpoint
-- At commit: each split_out of −m on a parent has its split_in of +m on that child, whose parent it
-- is, and the other way round. Deferred, since the two rows are written one after the other.
CREATE FUNCTION ledger_entries_split_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	split_parent uuid := CASE WHEN NEW.kind = 'split_out' THEN NEW.sample_id ELSE NEW.counterpart_sample_id END;
	split_child uuid := CASE WHEN NEW.kind = 'split_out' THEN NEW.counterpart_sample_id ELSE NEW.sample_id END;
	out_ug bigint;
	in_ug bigint;
BEGIN
	SELECT -delta_ug INTO out_ug FROM ledger_entries WHERE kind = 'split_out' AND sample_id = split_parent AND counterpart_sample_id = split_child;
	SELECT delta_ug INTO in_ug FROM ledger_entries WHERE kind = 'split_in' AND sample_id = split_child AND counterpart_sample_id = split_parent;
	IF out_ug IS DISTINCT FROM in_ug OR NOT EXISTS (SELECT 1 FROM samples s WHERE s.id = split_child AND s.parent_id = split_parent) THEN
		RAISE EXCEPTION 'the split of % µg out of % and % µg into % do not balance', out_ug, split_parent, in_ug, split_child
			USING ERRCODE = '23514', CONSTRAINT = 'ledger_split_balances';
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_split_balances AFTER INSERT ON ledger_entries DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (NEW.kind in ('split_out', 'split_in')) EXECUTE FUNCTION ledger_entries_split_balances();
--> statement-breakpoint
-- At commit: a sample starts with its declared mass, an initial entry for a parent, the split_in for
-- a subsample, so the declared mass is always in the ledger.
CREATE FUNCTION samples_start_in_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.sample_id = NEW.id AND e.delta_ug = NEW.declared_mass_ug
		AND e.kind = CASE WHEN NEW.parent_id IS NULL THEN 'initial' ELSE 'split_in' END) THEN
		RAISE EXCEPTION 'sample % has no opening ledger entry of its declared % µg', NEW.number, NEW.declared_mass_ug
			USING ERRCODE = '23514', CONSTRAINT = 'ledger_opening_entry';
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER samples_start_in_ledger AFTER INSERT ON samples DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION samples_start_in_ledger();
--> statement-breakpoint
-- Every sample's accounts: its declared mass against its remainder plus what left it (splits,
-- consumption, losses, shipments net of returns). The difference is what weighing found; it must
-- stay within the declared tolerance. A view, so that a whole collection is audited in one grouped
-- scan; `sample_balance(id)` reads one sample from it (the filter on the grouping column is pushed
-- down into the aggregate, so that reads only that sample's entries).
CREATE VIEW "sample_accounts" AS
	SELECT s.id AS sample_id, s.collection_id, s.number, s.declared_mass_ug AS declared_ug, s.weighing_tolerance_ug AS tolerance_ug,
		coalesce(t.ledger, 0)::bigint AS ledger_ug, s.balance_ug AS cached_ug,
		coalesce(t.split, 0)::bigint AS split_ug, coalesce(t.consumed, 0)::bigint AS consumed_ug,
		coalesce(t.lost, 0)::bigint AS lost_ug, coalesce(t.out_on_loan, 0)::bigint AS out_on_loan_ug,
		(s.declared_mass_ug - coalesce(t.ledger + t.split + t.consumed + t.lost + t.out_on_loan, 0))::bigint AS unaccounted_ug,
		coalesce(t.ledger, 0) = s.balance_ug AND coalesce(t.ledger, 0) >= 0
			AND abs(s.declared_mass_ug - coalesce(t.ledger + t.split + t.consumed + t.lost + t.out_on_loan, 0)) <= s.weighing_tolerance_ug AS balances
	FROM samples s
	LEFT JOIN (
		SELECT e.sample_id,
			sum(e.delta_ug) AS ledger,
			coalesce(-sum(e.delta_ug) FILTER (WHERE e.kind = 'split_out'), 0) AS split,
			coalesce(-sum(e.delta_ug) FILTER (WHERE e.kind = 'consume'), 0) AS consumed,
			coalesce(-sum(e.delta_ug) FILTER (WHERE e.kind in ('loss', 'contamination')), 0) AS lost,
			coalesce(-sum(e.delta_ug) FILTER (WHERE e.kind in ('ship', 'return')), 0) AS out_on_loan
		FROM ledger_entries e GROUP BY e.sample_id
	) t ON t.sample_id = s.id;
--> statement-breakpoint
CREATE FUNCTION sample_balance(target uuid) RETURNS SETOF sample_accounts LANGUAGE sql STABLE AS $$
	SELECT * FROM sample_accounts WHERE sample_id = target
$$;
