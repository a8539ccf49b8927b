-- Merged proposals (issue 9: "41 Chang'e-8 proposals merged into 10 projects"): a merge group is
-- one project made of several proposals of a call, selected or rejected as a whole with the sum of
-- their resources. A proposal belongs to at most one group of its call (unique index). The database
-- refuses a decision set that splits a group (some members selected or conditional, others
-- rejected): a deferred constraint trigger, like the budget check of migration 0011.
CREATE TABLE "selection_merge_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL REFERENCES "calls"("id"),
	"name" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_merge_groups_name" CHECK (length(btrim(name)) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "selection_merge_groups_name_key" ON "selection_merge_groups" ("call_id", "name");
--> statement-breakpoint
CREATE UNIQUE INDEX "selection_merge_groups_call_key" ON "selection_merge_groups" ("id", "call_id");
--> statement-breakpoint
CREATE TABLE "selection_merge_members" (
	"group_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL REFERENCES "applications"("id"),
	PRIMARY KEY ("group_id", "application_id"),
	CONSTRAINT "selection_merge_members_group_fk" FOREIGN KEY ("group_id", "call_id")
		REFERENCES "selection_merge_groups"("id", "call_id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE UNIQUE INDEX "selection_merge_members_application_key" ON "selection_merge_members" ("call_id", "application_id");
--> statement-breakpoint
-- A decided call's groups are part of the frozen model: once the call has decisions they cannot change.
CREATE FUNCTION "selection_merge_refuse_after_decision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	target uuid;
BEGIN
	IF TG_OP = 'DELETE' THEN target := OLD.call_id; ELSE target := NEW.call_id; END IF;
	IF EXISTS (SELECT 1 FROM selection_decisions d WHERE d.call_id = target) THEN
		RAISE EXCEPTION 'the merge groups of call % are frozen with its decision', target
			USING ERRCODE = '23514', CONSTRAINT = 'selection_merge_frozen';
	END IF;
	IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "selection_merge_groups_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "selection_merge_groups"
	FOR EACH ROW EXECUTE FUNCTION "selection_merge_refuse_after_decision"();
--> statement-breakpoint
CREATE TRIGGER "selection_merge_members_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "selection_merge_members"
	FOR EACH ROW EXECUTE FUNCTION "selection_merge_refuse_after_decision"();
--> statement-breakpoint
-- A merged project is decided as a whole: its members all chosen (selected or conditional) or all rejected.
CREATE FUNCTION "selection_decisions_merge_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	split record;
BEGIN
	SELECT g.id, g.name INTO split
	FROM selection_merge_groups g
	JOIN selection_merge_members m ON m.group_id = g.id
	JOIN selection_decisions d ON d.call_id = g.call_id AND d.application_id = m.application_id
	WHERE g.call_id = NEW.call_id
	GROUP BY g.id, g.name
	HAVING bool_or(d.outcome IN ('selected', 'conditional')) AND bool_or(d.outcome = 'rejected')
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'the decided set splits the merged project % (group %)', split.name, split.id
			USING ERRCODE = '23514', CONSTRAINT = 'selection_merge_split';
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "selection_decisions_merged_whole" AFTER INSERT ON "selection_decisions"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "selection_decisions_merge_check"();
