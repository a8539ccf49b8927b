-- Selection: merits per proposal (from the panel or entered), the call's selection rules, the frozen
-- decisions and the sample allocations custody draws from. The database refuses a decision set
-- whose selected and conditional proposals need more than any module pool or any sample offer's
-- mass less its reserve: a deferred constraint trigger locks the call row (FOR NO KEY UPDATE), so concurrent writers
-- of one call are checked one after the other against what is already committed.
CREATE TABLE "selection_merits" (
	"call_id" uuid NOT NULL REFERENCES "calls"("id"),
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"merit" integer NOT NULL,
	"source" text NOT NULL,
	"entered_by" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("call_id", "application_id"),
	CONSTRAINT "selection_merits_merit" CHECK (merit >= 0 and merit <= 1000000),
	CONSTRAINT "selection_merits_source" CHECK (source in ('panel', 'entered'))
);
--> statement-breakpoint
CREATE TABLE "selection_rules" (
	"call_id" uuid PRIMARY KEY NOT NULL REFERENCES "calls"("id"),
	"country_cap" integer,
	"min_countries" integer,
	"links" jsonb DEFAULT '{"excludes":[],"requires":[]}'::jsonb NOT NULL,
	"must_select" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"must_reject" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allow_partial_grants" boolean DEFAULT false NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_rules_country_cap" CHECK (country_cap is null or country_cap >= 1),
	CONSTRAINT "selection_rules_min_countries" CHECK (min_countries is null or min_countries >= 1)
);
--> statement-breakpoint
CREATE TABLE "selection_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL REFERENCES "calls"("id"),
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"outcome" text NOT NULL,
	"conditions" text,
	"reason" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_decisions_outcome" CHECK (outcome in ('selected', 'conditional', 'rejected')),
	CONSTRAINT "selection_decisions_reason" CHECK (length(btrim(reason)) > 0),
	CONSTRAINT "selection_decisions_conditions" CHECK ((outcome = 'conditional') = (conditions is not null and length(btrim(conditions)) > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "selection_decisions_application_key" ON "selection_decisions" ("call_id", "application_id");
--> statement-breakpoint
CREATE TABLE "sample_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL REFERENCES "selection_decisions"("id"),
	"sample_offer_id" uuid NOT NULL REFERENCES "call_sample_offers"("id"),
	"mass_mg" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sample_allocations_mass" CHECK (mass_mg > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sample_allocations_decision_offer_key" ON "sample_allocations" ("decision_id", "sample_offer_id");
--> statement-breakpoint
CREATE INDEX "sample_allocations_offer_idx" ON "sample_allocations" ("sample_offer_id");
--> statement-breakpoint
CREATE FUNCTION "selection_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a selection decision is frozen (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = '23514';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "selection_decisions_frozen" BEFORE UPDATE OR DELETE ON "selection_decisions"
	FOR EACH ROW EXECUTE FUNCTION "selection_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "sample_allocations_frozen" BEFORE UPDATE OR DELETE ON "sample_allocations"
	FOR EACH ROW EXECUTE FUNCTION "selection_refuse_change"();
--> statement-breakpoint
-- Checks the whole decided set of one call against its offers. The call row is locked first; in
-- READ COMMITTED each following statement takes a fresh snapshot, so a writer that waited for the
-- lock sees every decision committed before it (no two writers can each see only their own half).
-- NO KEY UPDATE, not UPDATE: the writers' foreign keys already hold KEY SHARE on the call row, and
-- FOR UPDATE would conflict with those and deadlock concurrent writers.
CREATE FUNCTION "selection_check_call_budgets"(target_call uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	over record;
BEGIN
	PERFORM 1 FROM calls WHERE id = target_call FOR NO KEY UPDATE;
	SELECT m.id, h.name, m.pool_mass_g, m.pool_power_mw, m.pool_data_mb_per_day,
		coalesce(sum(r.mass_g), 0) AS mass_g, coalesce(sum(r.avg_power_mw), 0) AS power_mw,
		coalesce(sum(r.data_mb_per_day), 0) AS data_mb
	INTO over
	FROM call_module_offers m
	JOIN host_modules h ON h.id = m.host_module_id
	JOIN application_requests r ON r.module_offer_id = m.id
	JOIN applications a ON a.id = r.application_id AND r.version = a.submitted_version
	JOIN selection_decisions d ON d.application_id = a.id AND d.call_id = target_call
		AND d.outcome IN ('selected', 'conditional')
	WHERE m.call_id = target_call
	GROUP BY m.id, h.name
	HAVING coalesce(sum(r.mass_g), 0) > m.pool_mass_g
		OR (m.pool_power_mw IS NOT NULL AND coalesce(sum(r.avg_power_mw), 0) > m.pool_power_mw)
		OR (m.pool_data_mb_per_day IS NOT NULL AND coalesce(sum(r.data_mb_per_day), 0) > m.pool_data_mb_per_day)
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'the decided set exceeds the pool of module % (offer %): % g of %, % mW of %, % MB/day of %',
			over.name, over.id, over.mass_g, over.pool_mass_g, over.power_mw, over.pool_power_mw, over.data_mb,
			over.pool_data_mb_per_day USING ERRCODE = '23514', CONSTRAINT = 'selection_module_pool';
	END IF;
	SELECT o.id, o.sample_type, o.available_mg - o.reserve_mg AS allowed, sum(s.mass_mg) AS allocated
	INTO over
	FROM call_sample_offers o
	JOIN sample_allocations s ON s.sample_offer_id = o.id
	JOIN selection_decisions d ON d.id = s.decision_id
	WHERE o.call_id = target_call
	GROUP BY o.id
	HAVING sum(s.mass_mg) > o.available_mg - o.reserve_mg
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'the decided set allocates % mg of sample type % (offer %), more than the % mg available less the reserve',
			over.allocated, over.sample_type, over.id, over.allowed USING ERRCODE = '23514', CONSTRAINT = 'selection_sample_mass';
	END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "selection_decisions_check"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM selection_check_call_budgets(NEW.call_id);
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "selection_decisions_within_budgets" AFTER INSERT ON "selection_decisions"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "selection_decisions_check"();
--> statement-breakpoint
-- An allocation belongs to a selected or conditional decision, on a sample offer of the same call.
CREATE FUNCTION "sample_allocations_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	decision record;
BEGIN
	SELECT d.call_id, d.outcome INTO decision FROM selection_decisions d WHERE d.id = NEW.decision_id;
	IF decision.outcome NOT IN ('selected', 'conditional') THEN
		RAISE EXCEPTION 'a % decision receives no sample allocation', decision.outcome USING ERRCODE = '23514';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM call_sample_offers o WHERE o.id = NEW.sample_offer_id AND o.call_id = decision.call_id) THEN
		RAISE EXCEPTION 'sample offer % is not offered in the call of this decision', NEW.sample_offer_id USING ERRCODE = '23514';
	END IF;
	PERFORM selection_check_call_budgets(decision.call_id);
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "sample_allocations_within_budgets" AFTER INSERT ON "sample_allocations"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "sample_allocations_check"();
