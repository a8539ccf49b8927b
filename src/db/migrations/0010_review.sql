-- Expert review: rounds of a call, the expert pool with publications, conflicts with their evidence,
-- bids, assignments, reviews and the panel's frozen result. The database refuses an assignment to a
-- conflicted, not-accepted or fully loaded expert, and a review outside an assignment.
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL REFERENCES "calls"("id"),
	"stage" text NOT NULL,
	"title" text NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"reviews_per_proposal" integer DEFAULT 3 NOT NULL,
	"collects_bids" boolean DEFAULT false NOT NULL,
	"dual_anonymous" boolean DEFAULT false NOT NULL,
	"same_country_rule" text DEFAULT 'off' NOT NULL,
	"coauthor_window_years" integer DEFAULT 3 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_rounds_stage" CHECK (stage in ('letter_of_intent', 'full_proposal')),
	CONSTRAINT "review_rounds_status" CHECK (status in ('open', 'closed')),
	CONSTRAINT "review_rounds_same_country" CHECK (same_country_rule in ('off', 'lead', 'any_member')),
	CONSTRAINT "review_rounds_reviews" CHECK (reviews_per_proposal between 1 and 20),
	CONSTRAINT "review_rounds_window" CHECK (coauthor_window_years between 0 and 50)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "review_rounds_call_stage_key" ON "review_rounds" ("call_id", "stage");
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL REFERENCES "calls"("id"),
	"account_id" uuid REFERENCES "accounts"("id"),
	"person_id" uuid REFERENCES "people"("id"),
	"name" text NOT NULL,
	"email" text NOT NULL,
	"orcid" text,
	"institution_id" uuid REFERENCES "institutions"("id"),
	"country_code" text REFERENCES "countries"("code"),
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"min_load" integer DEFAULT 0 NOT NULL,
	"max_load" integer DEFAULT 6 NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_by" text NOT NULL,
	"responded_at" timestamp with time zone,
	"synthetic" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_status" CHECK (status in ('invited', 'accepted', 'declined')),
	CONSTRAINT "experts_loads" CHECK (min_load >= 0 and min_load <= max_load and max_load <= 200)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "experts_call_email_key" ON "experts" ("call_id", lower("email"));
--> statement-breakpoint
CREATE INDEX "experts_account_idx" ON "experts" ("account_id");
--> statement-breakpoint
CREATE TABLE "expert_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL REFERENCES "experts"("id") ON DELETE CASCADE,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"doi" text,
	"coauthors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "expert_publications_year" CHECK (year between 1900 and 2200)
);
--> statement-breakpoint
CREATE INDEX "expert_publications_expert_idx" ON "expert_publications" ("expert_id");
--> statement-breakpoint
CREATE TABLE "review_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL REFERENCES "calls"("id"),
	"expert_id" uuid NOT NULL REFERENCES "experts"("id"),
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"source" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"pinned" boolean DEFAULT false NOT NULL,
	"waived_at" timestamp with time zone,
	"waived_by" text,
	"waiver_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_conflicts_source" CHECK (source in ('detected', 'declared_by_expert', 'declared_by_applicant', 'officer')),
	CONSTRAINT "review_conflicts_waiver" CHECK ((waived_at is null) = (waiver_reason is null) and (waiver_reason is null or length(trim(waiver_reason)) >= 10)),
	CONSTRAINT "review_conflicts_declared_reason" CHECK (source = 'detected' or length(trim(coalesce(reason, ''))) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "review_conflicts_pair_source_key" ON "review_conflicts" ("expert_id", "application_id", "source");
--> statement-breakpoint
CREATE INDEX "review_conflicts_call_idx" ON "review_conflicts" ("call_id");
--> statement-breakpoint
CREATE TABLE "review_bids" (
	"round_id" uuid NOT NULL REFERENCES "review_rounds"("id"),
	"expert_id" uuid NOT NULL REFERENCES "experts"("id"),
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"bid" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_bids_pk" PRIMARY KEY ("round_id", "expert_id", "application_id"),
	CONSTRAINT "review_bids_bid" CHECK (bid in ('eager', 'willing', 'not_willing', 'conflict'))
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL REFERENCES "review_rounds"("id"),
	"expert_id" uuid NOT NULL REFERENCES "experts"("id"),
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_assignments_source" CHECK (source in ('manual', 'solver'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_pair_key" ON "review_assignments" ("round_id", "expert_id", "application_id");
--> statement-breakpoint
CREATE INDEX "review_assignments_application_idx" ON "review_assignments" ("application_id");
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL REFERENCES "review_assignments"("id"),
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"confidence" text,
	"recommendation" text,
	"comment" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_status" CHECK (status in ('draft', 'submitted', 'excluded')),
	CONSTRAINT "reviews_confidence" CHECK (confidence is null or confidence in ('high', 'medium', 'low')),
	CONSTRAINT "reviews_recommendation" CHECK (recommendation is null or recommendation in ('select', 'conditional', 'reject')),
	CONSTRAINT "reviews_submitted_complete" CHECK (status <> 'submitted' or (submitted_at is not null and confidence is not null and recommendation is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_assignment_key" ON "reviews" ("assignment_id");
--> statement-breakpoint
CREATE TABLE "panel_entries" (
	"round_id" uuid NOT NULL REFERENCES "review_rounds"("id"),
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	"consensus" text,
	"reasons" text DEFAULT '' NOT NULL,
	"discussion" text DEFAULT '' NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_entries_pk" PRIMARY KEY ("round_id", "application_id"),
	CONSTRAINT "panel_entries_consensus" CHECK (consensus is null or consensus in ('select', 'conditional', 'reject')),
	CONSTRAINT "panel_entries_reasons" CHECK (consensus is null or length(trim(reasons)) > 0)
);
--> statement-breakpoint
CREATE TABLE "panel_results" (
	"round_id" uuid PRIMARY KEY NOT NULL REFERENCES "review_rounds"("id"),
	"result" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"frozen_by" text NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- An assignment needs an accepted expert of the round's call, no unwaived conflict with the
-- proposal, and room under the expert's maximum load (the expert row is locked, so concurrent
-- assignments to one expert queue here instead of overshooting the load).
CREATE FUNCTION review_assignment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	expert_row experts%ROWTYPE;
	round_call uuid;
	load integer;
BEGIN
	SELECT call_id INTO round_call FROM review_rounds WHERE id = NEW.round_id;
	SELECT * INTO expert_row FROM experts WHERE id = NEW.expert_id FOR UPDATE;
	IF expert_row.call_id IS DISTINCT FROM round_call THEN
		RAISE EXCEPTION 'expert % is not in the pool of this round''s call', NEW.expert_id USING ERRCODE = '23514';
	END IF;
	IF expert_row.status <> 'accepted' THEN
		RAISE EXCEPTION 'expert % has not accepted the invitation', NEW.expert_id USING ERRCODE = '23514';
	END IF;
	IF EXISTS (SELECT 1 FROM review_conflicts c WHERE c.expert_id = NEW.expert_id AND c.application_id = NEW.application_id AND c.waived_at IS NULL) THEN
		RAISE EXCEPTION 'expert % has a conflict with application %', NEW.expert_id, NEW.application_id USING ERRCODE = '23514';
	END IF;
	SELECT count(*) INTO load FROM review_assignments WHERE round_id = NEW.round_id AND expert_id = NEW.expert_id;
	IF load >= expert_row.max_load THEN
		RAISE EXCEPTION 'expert % is at the maximum load of %', NEW.expert_id, expert_row.max_load USING ERRCODE = '23514';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_assignment_guard BEFORE INSERT ON review_assignments FOR EACH ROW EXECUTE FUNCTION review_assignment_guard();
--> statement-breakpoint
-- A conflict found or declared late, after reviewing began, takes the pair's review out of the
-- figures (status 'excluded'): nothing a conflicted expert wrote counts, and nothing is deleted.
CREATE FUNCTION review_conflict_excludes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.waived_at IS NULL THEN
		UPDATE reviews SET status = 'excluded', updated_at = now()
		WHERE status <> 'excluded' AND assignment_id IN (
			SELECT id FROM review_assignments WHERE expert_id = NEW.expert_id AND application_id = NEW.application_id);
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_conflict_excludes AFTER INSERT OR UPDATE ON review_conflicts FOR EACH ROW EXECUTE FUNCTION review_conflict_excludes();
--> statement-breakpoint
-- A review is written only by the assigned, accepted expert with no conflict in force.
CREATE FUNCTION review_write_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	a review_assignments%ROWTYPE;
BEGIN
	IF NEW.status = 'excluded' THEN
		RETURN NEW;
	END IF;
	SELECT * INTO a FROM review_assignments WHERE id = NEW.assignment_id;
	IF NOT EXISTS (SELECT 1 FROM experts e WHERE e.id = a.expert_id AND e.status = 'accepted') THEN
		RAISE EXCEPTION 'the expert of assignment % has not accepted', NEW.assignment_id USING ERRCODE = '23514';
	END IF;
	IF EXISTS (SELECT 1 FROM review_conflicts c WHERE c.expert_id = a.expert_id AND c.application_id = a.application_id AND c.waived_at IS NULL) THEN
		RAISE EXCEPTION 'the expert of assignment % has a conflict with its proposal', NEW.assignment_id USING ERRCODE = '23514';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_write_guard BEFORE INSERT OR UPDATE ON reviews FOR EACH ROW EXECUTE FUNCTION review_write_guard();
--> statement-breakpoint
-- The panel's result is frozen: never edited or removed.
CREATE FUNCTION panel_result_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a frozen panel result cannot be changed' USING ERRCODE = '23514';
END $$;
--> statement-breakpoint
CREATE TRIGGER panel_result_frozen BEFORE UPDATE OR DELETE ON panel_results FOR EACH ROW EXECUTE FUNCTION panel_result_frozen();
--> statement-breakpoint
-- An institution's parent (an institute of an academy, a laboratory of a university): conflicts of
-- interest count the whole family.
ALTER TABLE "institutions" ADD COLUMN "parent_institution_id" uuid REFERENCES "institutions"("id");
--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_not_own_parent" CHECK (parent_institution_id is null or parent_institution_id <> id);
--> statement-breakpoint
-- Reminders sent before a round's deadline: one per expert and threshold, whatever the number of servers.
CREATE TABLE "review_reminders" (
	"round_id" uuid NOT NULL REFERENCES "review_rounds"("id"),
	"expert_id" uuid NOT NULL REFERENCES "experts"("id"),
	"threshold_hours" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_reminders_pk" PRIMARY KEY ("round_id", "expert_id", "threshold_hours")
);
