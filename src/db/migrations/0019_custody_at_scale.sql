-- Custody at Apollo scale (issue 10, figures): 140,000 subsamples, 10,500 open loans.
--
-- 1. The curator's overdue list checked each overdue loan's items and their samples' collections
--    one loan at a time. `loan_collections` says once, when an item is lent, which collections a
--    loan draws on, so a curator's scope is one join on a small key (collection, loan).
-- 2. The whole-collection balance audit summed the ledger in numeric (sum(bigint) is numeric) and
--    hashed 140,000 groups, spilling to disk and, in parallel plans, rebuilding the aggregate in
--    every worker. It now sums in bigint (`ledger_sum`, overflow-checked like any bigint addition)
--    in one process, from a covering index read in sample order, so the groups stream out already
--    sorted. The audit still reads every ledger entry: the cached balances (`samples.balance_ug`,
--    `loan_items.out_ug`, kept by the ledger trigger) are compared with it, never trusted.
CREATE TABLE "loan_collections" (
	"collection_id" uuid NOT NULL REFERENCES "sample_collections"("id"),
	"loan_id" uuid NOT NULL REFERENCES "loans"("id"),
	PRIMARY KEY ("collection_id", "loan_id")
);
--> statement-breakpoint
CREATE INDEX "loan_collections_loan_idx" ON "loan_collections" ("loan_id");
--> statement-breakpoint
-- Kept by the database whoever writes loan items: a loan item never changes its loan or its sample
-- (migration 0017), and a sample never changes its collection (0012), so inserts and deletes are
-- all there is to follow.
CREATE FUNCTION loan_items_track_collections() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO loan_collections (collection_id, loan_id)
			SELECT s.collection_id, NEW.loan_id FROM samples s WHERE s.id = NEW.sample_id
			ON CONFLICT DO NOTHING;
		RETURN NULL;
	END IF;
	DELETE FROM loan_collections lc
		USING samples s
		WHERE s.id = OLD.sample_id AND lc.collection_id = s.collection_id AND lc.loan_id = OLD.loan_id
			AND NOT EXISTS (SELECT 1 FROM loan_items li JOIN samples o ON o.id = li.sample_id
				WHERE li.loan_id = OLD.loan_id AND o.collection_id = s.collection_id);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER loan_items_track_collections AFTER INSERT OR DELETE ON loan_items
	FOR EACH ROW EXECUTE FUNCTION loan_items_track_collections();
--> statement-breakpoint
INSERT INTO loan_collections (collection_id, loan_id)
	SELECT DISTINCT s.collection_id, li.loan_id FROM loan_items li JOIN samples s ON s.id = li.sample_id
	ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The overdue list walks open duties by due date and needs their id, loan, kind and period: all in
-- the index, so the walk is an index-only scan (the list stays as long as the overdue duties, not
-- the table: fulfilled duties leave the partial index).
DROP INDEX "borrower_duties_open_due_idx";
--> statement-breakpoint
CREATE INDEX "borrower_duties_open_due_idx" ON "borrower_duties" ("due_on") INCLUDE ("loan_id", "kind", "period", "id") WHERE status = 'open';
--> statement-breakpoint
-- The ledger read by sample: the same key as before (the trigger's sums by sample and kind use it),
-- now covering the amounts, so the audit reads the index alone. The ledger is append-only, so
-- its pages stay all-visible once vacuumed and index-only scans stay index-only.
DROP INDEX "ledger_entries_sample_idx";
--> statement-breakpoint
CREATE INDEX "ledger_entries_sample_idx" ON "ledger_entries" ("sample_id", "kind") INCLUDE ("delta_ug", "loan_item_id");
--> statement-breakpoint
-- A bigint sum that stays bigint (sum(bigint) is numeric, slower to add and compare); int8pl raises
-- on overflow, as any bigint addition does. Parallel restricted on purpose: PostgreSQL's parallel
-- plan for the audit hash-joins every worker to its own copy of the whole per-sample aggregate, so
-- on a machine with few cores three processes did the same work; the audit runs in one.
CREATE AGGREGATE ledger_sum(bigint) (SFUNC = int8pl, STYPE = bigint, PARALLEL = RESTRICTED);
--> statement-breakpoint
-- ANALYZE's sample sees the parents' hundreds of split_out entries and underestimates how many
-- samples the ledger holds (28,000 for 140,500), so the planner expected few groups, hashed them and
-- spilt to disk. A ledger has about two entries per sample: say so.
ALTER TABLE "ledger_entries" ALTER COLUMN "sample_id" SET (n_distinct = -0.5);
--> statement-breakpoint
-- The accounts of 0017, the same columns and rules, summed in bigint in one pass.
CREATE OR REPLACE VIEW "sample_accounts" AS
	SELECT s.id AS sample_id, s.collection_id, s.number, s.declared_mass_ug AS declared_ug, s.weighing_tolerance_ug AS tolerance_ug,
		coalesce(t.ledger, 0) AS ledger_ug, s.balance_ug AS cached_ug,
		coalesce(t.split, 0) AS split_ug, coalesce(t.consumed, 0) AS consumed_ug,
		coalesce(t.lost, 0) AS lost_ug, coalesce(t.out_on_loan, 0) AS out_on_loan_ug,
		s.declared_mass_ug - coalesce(t.ledger + t.split + t.consumed + t.lost + t.out_on_loan, 0) AS unaccounted_ug,
		coalesce(t.ledger, 0) = s.balance_ug AND coalesce(t.ledger, 0) >= 0 AND coalesce(t.out_on_loan, 0) >= 0
			AND abs(s.declared_mass_ug - coalesce(t.ledger + t.split + t.consumed + t.lost + t.out_on_loan, 0)) <= s.weighing_tolerance_ug AS balances
	FROM samples s
	LEFT JOIN (
		SELECT e.sample_id,
			-- The store's pocket: every entry but what the borrower's own pocket took (0017).
			coalesce(ledger_sum(e.delta_ug) FILTER (WHERE e.loan_item_id IS NULL OR e.kind NOT IN ('consume', 'loss', 'contamination', 'receive')), 0) AS ledger,
			coalesce(-ledger_sum(e.delta_ug) FILTER (WHERE e.kind = 'split_out'), 0) AS split,
			coalesce(-ledger_sum(e.delta_ug) FILTER (WHERE e.kind = 'consume'), 0) AS consumed,
			coalesce(-ledger_sum(e.delta_ug) FILTER (WHERE e.kind in ('loss', 'contamination')), 0) AS lost,
			coalesce(-ledger_sum(e.delta_ug) FILTER (WHERE e.kind in ('ship', 'return')), 0)
				+ coalesce(ledger_sum(e.delta_ug) FILTER (WHERE e.loan_item_id IS NOT NULL AND e.kind IN ('consume', 'loss', 'contamination', 'receive')), 0) AS out_on_loan
		FROM ledger_entries e
		GROUP BY e.sample_id
	) t ON t.sample_id = s.id;
