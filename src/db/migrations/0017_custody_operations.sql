-- Custody operations on loans (issue 10 items 4-7): shipments with their chain of custody, receipts
-- with measured masses, discrepancies the curator resolves once, partial returns, the borrower's
-- duties, audit samples. Builds on migration 0012 (the ledger) and 0016 (loans, loan items, custodians).
--
-- The ledger gets a second pocket per loan item: what is out under the loan (`loan_items.out_ug`),
-- beside what is in store (`samples.balance_ug`). A ship entry moves mass from the store to the
-- loan item, a return back; a receipt's weighing difference, and what the borrower consumes, loses
-- or contaminates while holding it, change the loan item's pocket, not the store's. The trigger that
-- keeps both pockets never below zero takes the sample's row lock and then the loan item's, always in
-- that order, so concurrent writers queue as they did before.
ALTER TABLE "loan_items" ADD COLUMN "out_ug" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "loan_items" ADD COLUMN "shipped_ug" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "loan_items" ADD COLUMN "returned_ug" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "loan_items" ADD CONSTRAINT "loan_items_out_non_negative" CHECK ("out_ug" >= 0 AND "shipped_ug" >= 0 AND "returned_ug" >= 0);
--> statement-breakpoint
-- Returns never exceed what was lent; a loan never shrinks below what already left the store.
ALTER TABLE "loan_items" ADD CONSTRAINT "loan_items_returned_within_lent" CHECK ("returned_ug" <= "shipped_ug" AND "shipped_ug" <= "allocated_mass_ug");
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "loan_item_id" uuid REFERENCES "loan_items"("id");
--> statement-breakpoint
CREATE INDEX "ledger_entries_loan_item_idx" ON "ledger_entries" ("loan_item_id") WHERE "loan_item_id" is not null;
--> statement-breakpoint
-- The pockets of a loan item change only through the ledger trigger (one level deeper).
CREATE FUNCTION loan_items_guard_pockets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF (NEW.out_ug <> OLD.out_ug OR NEW.shipped_ug <> OLD.shipped_ug OR NEW.returned_ug <> OLD.returned_ug)
		AND pg_trigger_depth() < 2 THEN
		RAISE EXCEPTION 'what is out under a loan changes only through ledger entries' USING ERRCODE = '23514', CONSTRAINT = 'loan_items_pockets';
	END IF;
	IF NEW.sample_id <> OLD.sample_id OR NEW.loan_id <> OLD.loan_id THEN
		RAISE EXCEPTION 'a loan item keeps its loan and its sample' USING ERRCODE = '23514', CONSTRAINT = 'loan_items_pockets';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER loan_items_guard_pockets BEFORE UPDATE ON loan_items FOR EACH ROW EXECUTE FUNCTION loan_items_guard_pockets();
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"loan_id" uuid NOT NULL REFERENCES "loans"("id"),
	"direction" text NOT NULL,
	"courier" text NOT NULL,
	"tracking_number" text NOT NULL,
	"sealed_container_ids" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'prepared' NOT NULL,
	"prepared_by" text NOT NULL,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"received_by" text,
	CONSTRAINT "shipments_direction" CHECK (direction in ('outbound', 'return')),
	CONSTRAINT "shipments_status" CHECK (status in ('prepared', 'in_transit', 'received', 'cancelled')),
	CONSTRAINT "shipments_dispatched" CHECK (status in ('prepared', 'cancelled') OR dispatched_at is not null),
	CONSTRAINT "shipments_received" CHECK ((status = 'received') = (received_at is not null)),
	CONSTRAINT "shipments_sealed" CHECK (cardinality(sealed_container_ids) >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_reference_key" ON "shipments" ("reference");
--> statement-breakpoint
CREATE INDEX "shipments_loan_idx" ON "shipments" ("loan_id", "status");
--> statement-breakpoint
-- The packing list: which loan item, how much was packed, in which sealed container; and the mass
-- measured when the other side opened it.
CREATE TABLE "shipment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL REFERENCES "shipments"("id"),
	"loan_item_id" uuid NOT NULL REFERENCES "loan_items"("id"),
	"sample_id" uuid NOT NULL REFERENCES "samples"("id"),
	"packed_mass_ug" bigint NOT NULL,
	"container_id" text NOT NULL,
	"measured_mass_ug" bigint,
	CONSTRAINT "shipment_items_packed_positive" CHECK (packed_mass_ug > 0),
	CONSTRAINT "shipment_items_measured_non_negative" CHECK (measured_mass_ug is null or measured_mass_ug >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_items_item_key" ON "shipment_items" ("shipment_id", "loan_item_id");
--> statement-breakpoint
CREATE INDEX "shipment_items_sample_idx" ON "shipment_items" ("sample_id");
--> statement-breakpoint
-- The chain of custody: every hand-over of a shipment, in order; each one moves the custodian of
-- every sample in it (sample_custodians, migration 0016).
CREATE TABLE "custody_handovers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY NOT NULL,
	"shipment_id" uuid NOT NULL REFERENCES "shipments"("id"),
	"position" integer NOT NULL,
	"from_holder" text NOT NULL,
	"to_holder" text NOT NULL,
	"to_kind" text NOT NULL,
	"place" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL,
	"note" text,
	CONSTRAINT "custody_handovers_to_kind" CHECK (to_kind in ('agency', 'courier', 'borrower'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "custody_handovers_position_key" ON "custody_handovers" ("shipment_id", "position");
--> statement-breakpoint
CREATE FUNCTION custody_history_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% rows are history: never changed or removed', TG_TABLE_NAME USING ERRCODE = '23514';
END $$;
--> statement-breakpoint
CREATE TRIGGER custody_handovers_frozen BEFORE UPDATE OR DELETE ON custody_handovers FOR EACH ROW EXECUTE FUNCTION custody_history_frozen();
--> statement-breakpoint
-- A receipt whose measured mass differs from the packed mass by more than the weighing tolerance.
-- Resolved once: a resolved discrepancy never changes again.
CREATE TABLE "custody_discrepancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_item_id" uuid NOT NULL REFERENCES "shipment_items"("id"),
	"loan_item_id" uuid NOT NULL REFERENCES "loan_items"("id"),
	"sample_id" uuid NOT NULL REFERENCES "samples"("id"),
	"direction" text NOT NULL,
	"expected_ug" bigint NOT NULL,
	"measured_ug" bigint NOT NULL,
	"tolerance_ug" bigint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolution" text,
	"resolved_mass_ug" bigint,
	"resolution_note" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "custody_discrepancies_direction" CHECK (direction in ('outbound', 'return')),
	CONSTRAINT "custody_discrepancies_status" CHECK (status in ('open', 'resolved')),
	CONSTRAINT "custody_discrepancies_resolution" CHECK (resolution is null or resolution in ('loss', 'remeasured')),
	CONSTRAINT "custody_discrepancies_resolved" CHECK ((status = 'resolved') = (resolved_at is not null AND resolution is not null AND resolved_by is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "custody_discrepancies_item_key" ON "custody_discrepancies" ("shipment_item_id");
--> statement-breakpoint
CREATE INDEX "custody_discrepancies_open_idx" ON "custody_discrepancies" ("loan_item_id") WHERE status = 'open';
--> statement-breakpoint
CREATE FUNCTION custody_discrepancies_resolve_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR OLD.status = 'resolved' THEN
		RAISE EXCEPTION 'discrepancy % is already resolved', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'custody_discrepancy_resolved_once';
	END IF;
	IF NEW.expected_ug <> OLD.expected_ug OR NEW.measured_ug <> OLD.measured_ug OR NEW.loan_item_id <> OLD.loan_item_id THEN
		RAISE EXCEPTION 'what was measured stays as measured' USING ERRCODE = '23514', CONSTRAINT = 'custody_discrepancy_resolved_once';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER custody_discrepancies_resolve_once BEFORE UPDATE OR DELETE ON custody_discrepancies FOR EACH ROW EXECUTE FUNCTION custody_discrepancies_resolve_once();
--> statement-breakpoint
-- The ledger trigger of 0012 with the loan pocket. Same checks for the store; under a loan item:
-- ship within the item's allocation, returns within what is out (and never while a discrepancy of
-- the item is open), consumption and losses within what the borrower holds.
CREATE OR REPLACE FUNCTION ledger_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	sample_row samples%ROWTYPE;
	item loan_items%ROWTYPE;
	shipped bigint;
	returned bigint;
	weighed bigint;
	on_loan boolean := NEW.loan_item_id IS NOT NULL AND NEW.kind in ('consume', 'loss', 'contamination', 'receive');
BEGIN
	SELECT * INTO sample_row FROM samples WHERE id = NEW.sample_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'sample % does not exist', NEW.sample_id USING ERRCODE = '23503';
	END IF;
	IF NEW.loan_item_id IS NOT NULL THEN
		SELECT * INTO item FROM loan_items WHERE id = NEW.loan_item_id FOR UPDATE;
		IF NOT FOUND OR item.sample_id <> NEW.sample_id THEN
			RAISE EXCEPTION 'loan item % does not lend sample %', NEW.loan_item_id, sample_row.number
				USING ERRCODE = '23514', CONSTRAINT = 'ledger_loan_item_sample';
		END IF;
		IF NEW.kind NOT IN ('ship', 'receive', 'return', 'return_receipt', 'consume', 'loss', 'contamination') THEN
			RAISE EXCEPTION 'a % entry is not written under a loan', NEW.kind USING ERRCODE = '23514', CONSTRAINT = 'ledger_loan_item_sample';
		END IF;
	END IF;
	IF on_loan THEN
		IF item.out_ug + NEW.delta_ug < 0 THEN
			RAISE EXCEPTION 'only % µg of % are out under the loan', item.out_ug, sample_row.number
				USING ERRCODE = '23514', CONSTRAINT = 'ledger_balance_non_negative';
		END IF;
	ELSIF sample_row.balance_ug + NEW.delta_ug < 0 THEN
		RAISE EXCEPTION 'only % µg of % are available', sample_row.balance_ug, sample_row.number
			USING ERRCODE = '23514', CONSTRAINT = 'ledger_balance_non_negative';
	END IF;
	IF NEW.kind = 'ship' AND NEW.loan_item_id IS NOT NULL AND item.shipped_ug - NEW.delta_ug > item.allocated_mass_ug THEN
		RAISE EXCEPTION 'shipping % µg of % exceeds the % µg lent under the loan', -NEW.delta_ug, sample_row.number, item.allocated_mass_ug - item.shipped_ug
			USING ERRCODE = '23514', CONSTRAINT = 'ledger_ship_within_loan';
	END IF;
	IF NEW.kind = 'return' THEN
		SELECT coalesce(-sum(delta_ug) FILTER (WHERE kind = 'ship'), 0), coalesce(sum(delta_ug) FILTER (WHERE kind = 'return'), 0)
			INTO shipped, returned FROM ledger_entries WHERE sample_id = NEW.sample_id AND kind in ('ship', 'return');
		IF returned + NEW.delta_ug > shipped THEN
			RAISE EXCEPTION 'a return of % µg exceeds the % µg of % still out', NEW.delta_ug, shipped - returned, sample_row.number
				USING ERRCODE = '23514', CONSTRAINT = 'ledger_return_within_lent';
		END IF;
		IF NEW.loan_item_id IS NOT NULL THEN
			IF NEW.delta_ug > item.out_ug THEN
				RAISE EXCEPTION 'a return of % µg exceeds the % µg of % still out', NEW.delta_ug, item.out_ug, sample_row.number
					USING ERRCODE = '23514', CONSTRAINT = 'ledger_return_within_lent';
			END IF;
			IF EXISTS (SELECT 1 FROM custody_discrepancies d WHERE d.loan_item_id = item.id AND d.status = 'open' AND d.direction = 'outbound') THEN
				RAISE EXCEPTION '% cannot be returned while its receipt discrepancy is open', sample_row.number
					USING ERRCODE = '23514', CONSTRAINT = 'ledger_return_unresolved';
			END IF;
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
	IF on_loan THEN
		UPDATE loan_items SET out_ug = out_ug + NEW.delta_ug WHERE id = item.id;
	ELSE
		UPDATE samples SET balance_ug = balance_ug + NEW.delta_ug WHERE id = NEW.sample_id;
		IF NEW.kind = 'ship' AND NEW.loan_item_id IS NOT NULL THEN
			UPDATE loan_items SET out_ug = out_ug - NEW.delta_ug, shipped_ug = shipped_ug - NEW.delta_ug WHERE id = item.id;
		ELSIF NEW.kind = 'return' AND NEW.loan_item_id IS NOT NULL THEN
			UPDATE loan_items SET out_ug = out_ug - NEW.delta_ug, returned_ug = returned_ug + NEW.delta_ug WHERE id = item.id;
		END IF;
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
-- The accounts of 0012 with the loan pocket: `ledger_ug` is the store's pocket (what `balance_ug`
-- caches); `out_on_loan_ug` is what is out under loans now, net of what borrowers consumed, lost or
-- found different on receipt (those count as consumed, lost and weighed).
CREATE OR REPLACE VIEW "sample_accounts" AS
	SELECT s.id AS sample_id, s.collection_id, s.number, s.declared_mass_ug AS declared_ug, s.weighing_tolerance_ug AS tolerance_ug,
		coalesce(t.ledger, 0)::bigint AS ledger_ug, s.balance_ug AS cached_ug,
		coalesce(t.split, 0)::bigint AS split_ug, coalesce(t.consumed, 0)::bigint AS consumed_ug,
		coalesce(t.lost, 0)::bigint AS lost_ug, coalesce(t.out_on_loan, 0)::bigint AS out_on_loan_ug,
		(s.declared_mass_ug - coalesce(t.ledger + t.split + t.consumed + t.lost + t.out_on_loan, 0))::bigint AS unaccounted_ug,
		coalesce(t.ledger, 0) = s.balance_ug AND coalesce(t.ledger, 0) >= 0 AND coalesce(t.out_on_loan, 0) >= 0
			AND abs(s.declared_mass_ug - coalesce(t.ledger + t.split + t.consumed + t.lost + t.out_on_loan, 0)) <= s.weighing_tolerance_ug AS balances
	FROM samples s
	LEFT JOIN (
		SELECT e.sample_id,
			coalesce(sum(e.delta_ug) FILTER (WHERE NOT e.on_loan), 0) AS ledger,
			coalesce(-sum(e.delta_ug) FILTER (WHERE e.kind = 'split_out'), 0) AS split,
			coalesce(-sum(e.delta_ug) FILTER (WHERE e.kind = 'consume'), 0) AS consumed,
			coalesce(-sum(e.delta_ug) FILTER (WHERE e.kind in ('loss', 'contamination')), 0) AS lost,
			coalesce(-sum(e.delta_ug) FILTER (WHERE e.kind in ('ship', 'return')), 0)
				+ coalesce(sum(e.delta_ug) FILTER (WHERE e.on_loan), 0) AS out_on_loan
		FROM (SELECT l.sample_id, l.kind, l.delta_ug,
				l.loan_item_id IS NOT NULL AND l.kind in ('consume', 'loss', 'contamination', 'receive') AS on_loan
			FROM ledger_entries l) e
		GROUP BY e.sample_id
	) t ON t.sample_id = s.id;
--> statement-breakpoint
-- The borrower's duties, one row per loan, kind and period: the annual inventory and the research
-- report each year of the loan, the final accounting (a return or consumption record for every
-- subsample) at its end. Materialised by `refresh_borrower_duties()`, which the scheduled duty runs.
CREATE TABLE "borrower_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL REFERENCES "loans"("id"),
	"kind" text NOT NULL,
	"period" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"fulfilled_by" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "borrower_duties_kind" CHECK (kind in ('annual_inventory', 'research_report', 'final_accounting')),
	CONSTRAINT "borrower_duties_status" CHECK (status in ('open', 'fulfilled', 'waived')),
	CONSTRAINT "borrower_duties_closed" CHECK ((status = 'open') = (fulfilled_at is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "borrower_duties_period_key" ON "borrower_duties" ("loan_id", "kind", "period");
--> statement-breakpoint
-- The curator's overdue list reads open duties by due date only.
CREATE INDEX "borrower_duties_open_due_idx" ON "borrower_duties" ("due_on", "loan_id") WHERE status = 'open';
--> statement-breakpoint
CREATE TABLE "borrower_duty_reminders" (
	"duty_id" uuid NOT NULL REFERENCES "borrower_duties"("id"),
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "borrower_duty_reminders_stage" CHECK (stage in ('due_soon', 'overdue')),
	PRIMARY KEY ("duty_id", "stage")
);
--> statement-breakpoint
CREATE FUNCTION refresh_borrower_duties(horizon_days integer DEFAULT 30) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	added integer;
BEGIN
	INSERT INTO borrower_duties (loan_id, kind, period, due_on)
	SELECT l.id, k.kind, g.n, (l.opened_at::date + make_interval(years => g.n))::date
	FROM loans l
	CROSS JOIN (VALUES ('annual_inventory'), ('research_report')) k(kind)
	CROSS JOIN LATERAL generate_series(1, 100) g(n)
	WHERE l.status = 'open'
		AND (l.opened_at::date + make_interval(years => g.n))::date <= current_date + horizon_days
		AND (l.opened_at::date + make_interval(years => g.n))::date < l.due_on
	ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS added = ROW_COUNT;
	INSERT INTO borrower_duties (loan_id, kind, period, due_on)
	SELECT l.id, 'final_accounting', 0, l.due_on FROM loans l
	WHERE l.status = 'open' AND l.due_on <= current_date + horizon_days
	ON CONFLICT DO NOTHING;
	RETURN added;
END $$;
--> statement-breakpoint
CREATE TABLE "inventory_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL REFERENCES "loans"("id"),
	"duty_id" uuid REFERENCES "borrower_duties"("id"),
	"filed_by" text NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE INDEX "inventory_reports_loan_idx" ON "inventory_reports" ("loan_id", "filed_at");
--> statement-breakpoint
CREATE TABLE "inventory_lines" (
	"report_id" uuid NOT NULL REFERENCES "inventory_reports"("id"),
	"loan_item_id" uuid NOT NULL REFERENCES "loan_items"("id"),
	"sample_id" uuid NOT NULL REFERENCES "samples"("id"),
	"mass_ug" bigint NOT NULL,
	"state" text NOT NULL,
	"location" text NOT NULL,
	CONSTRAINT "inventory_lines_mass" CHECK (mass_ug >= 0),
	CONSTRAINT "inventory_lines_state" CHECK (state in ('intact', 'partly_consumed', 'consumed', 'lost', 'contaminated')),
	PRIMARY KEY ("report_id", "loan_item_id")
);
--> statement-breakpoint
CREATE TABLE "research_outputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL REFERENCES "loans"("id"),
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"doi" text,
	"summary" text,
	"duty_id" uuid REFERENCES "borrower_duties"("id"),
	"filed_by" text NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "research_outputs_kind" CHECK (kind in ('report', 'publication')),
	CONSTRAINT "research_outputs_doi" CHECK (doi is null or doi ~ '^10\.[0-9]{4,9}/\S+$'),
	CONSTRAINT "research_outputs_publication_doi" CHECK (kind <> 'publication' OR doi is not null)
);
--> statement-breakpoint
CREATE INDEX "research_outputs_loan_idx" ON "research_outputs" ("loan_id");
--> statement-breakpoint
CREATE TABLE "research_output_samples" (
	"output_id" uuid NOT NULL REFERENCES "research_outputs"("id"),
	"sample_id" uuid NOT NULL REFERENCES "samples"("id"),
	PRIMARY KEY ("output_id", "sample_id")
);
--> statement-breakpoint
-- An inspection sample drawn at random (as NASA's auditors did), reproducible from its seed.
CREATE TABLE "audit_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seed" text NOT NULL,
	"size" integer NOT NULL,
	"population" integer NOT NULL,
	"drawn_by" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_samples_size" CHECK (size >= 1 AND size <= population)
);
--> statement-breakpoint
CREATE TABLE "audit_sample_items" (
	"audit_sample_id" uuid NOT NULL REFERENCES "audit_samples"("id"),
	"position" integer NOT NULL,
	"sample_id" uuid NOT NULL REFERENCES "samples"("id"),
	"loan_id" uuid REFERENCES "loans"("id"),
	"holder" text NOT NULL,
	PRIMARY KEY ("audit_sample_id", "position")
);
--> statement-breakpoint
CREATE TRIGGER audit_samples_frozen BEFORE UPDATE OR DELETE ON audit_samples FOR EACH ROW EXECUTE FUNCTION custody_history_frozen();
--> statement-breakpoint
CREATE TRIGGER audit_sample_items_frozen BEFORE UPDATE OR DELETE ON audit_sample_items FOR EACH ROW EXECUTE FUNCTION custody_history_frozen();
