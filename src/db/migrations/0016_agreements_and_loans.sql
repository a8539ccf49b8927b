-- Agreements, signatures, payload milestones, loans and the custodian of every sample (issue 10).
-- The database keeps three rules whoever writes:
--  * a signature is taken only while its agreement awaits signatures, and a remote signature only
--    for the exact document hash the agreement carries;
--  * an open loan always stands under an agreement in force (checked at commit, so an amendment can
--    come into force and take the loans over from the version it supersedes in one transaction);
--  * every sample has exactly one current custodian: at most one open custody period (a partial
--    unique index), at least one (a period opens with the sample; closing one without opening the
--    next is refused at commit).
CREATE TABLE "agreement_settings" (
	"call_id" uuid PRIMARY KEY NOT NULL REFERENCES "calls"("id"),
	"loan_duration_months" integer DEFAULT 60 NOT NULL,
	"signature_working_days" integer DEFAULT 10 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_settings_duration" CHECK (loan_duration_months between 1 and 600),
	CONSTRAINT "agreement_settings_working_days" CHECK (signature_working_days between 1 and 250)
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	-- Every version of one agreement shares its series (the first version's id); an amendment is a
	-- new version that supersedes the previous one when it comes into force.
	"series_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"supersedes_id" uuid REFERENCES "agreements"("id"),
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	-- The program whose officers manage the agreement (a gift outside any call still has one).
	"program_id" uuid NOT NULL REFERENCES "programs"("id"),
	"call_id" uuid REFERENCES "calls"("id"),
	"decision_id" uuid REFERENCES "selection_decisions"("id"),
	"institution_id" uuid NOT NULL REFERENCES "institutions"("id"),
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	-- The template's terms as filled in: parties, samples and masses or payload and resources,
	-- obligations, amendment note (see src/domain/agreements/terms.ts).
	"terms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{en,zh}' NOT NULL,
	-- The document signatories read, in every language of the agreement, and its SHA-256 (hex).
	"document_pdf" bytea,
	"document_sha256" text,
	"duration_months" integer,
	"signature_deadline" timestamp with time zone,
	"starts_on" date,
	"ends_on" date,
	"sent_at" timestamp with time zone,
	"in_force_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"last_reminded_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_kind" CHECK (kind in ('sample_loan', 'payload_cooperation', 'station_experiment')),
	CONSTRAINT "agreements_status" CHECK (status in ('draft', 'awaiting_signatures', 'in_force', 'superseded', 'terminated', 'expired')),
	CONSTRAINT "agreements_version" CHECK (version >= 1 AND (version = 1) = (supersedes_id is null)),
	CONSTRAINT "agreements_languages" CHECK (cardinality(languages) >= 1 AND languages <@ '{en,zh}'::text[]),
	CONSTRAINT "agreements_sha256_shape" CHECK (document_sha256 is null or document_sha256 ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "agreements_document_sent" CHECK (status = 'draft' OR (document_pdf is not null AND document_sha256 is not null AND sent_at is not null)),
	CONSTRAINT "agreements_in_force_dated" CHECK (status not in ('in_force', 'superseded', 'expired') OR in_force_at is not null),
	CONSTRAINT "agreements_duration" CHECK (duration_months is null or duration_months between 1 and 600),
	CONSTRAINT "agreements_period" CHECK (starts_on is null or ends_on is null or starts_on < ends_on)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_series_version_key" ON "agreements" ("series_id", "version");
--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_reference_version_key" ON "agreements" ("reference", "version");
--> statement-breakpoint
-- One live version per series: the current one, or the amendment being signed beside the one in force.
CREATE UNIQUE INDEX "agreements_one_pending_version" ON "agreements" ("series_id") WHERE status in ('draft', 'awaiting_signatures');
--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_one_in_force_version" ON "agreements" ("series_id") WHERE status = 'in_force';
--> statement-breakpoint
CREATE INDEX "agreements_call_idx" ON "agreements" ("call_id");
--> statement-breakpoint
CREATE INDEX "agreements_program_idx" ON "agreements" ("program_id", "status");
--> statement-breakpoint
CREATE INDEX "agreements_institution_idx" ON "agreements" ("institution_id", "status");
--> statement-breakpoint
-- A party (the agency, the partner institution, a co-partner) and the person who signs for it.
CREATE TABLE "agreement_signatories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL REFERENCES "agreements"("id"),
	"position" integer NOT NULL,
	"party_role" text NOT NULL,
	"party_name" text NOT NULL,
	"institution_id" uuid REFERENCES "institutions"("id"),
	"signer_name" text NOT NULL,
	"signer_title" text,
	"email" text NOT NULL,
	CONSTRAINT "agreement_signatories_role" CHECK (party_role in ('agency', 'partner', 'co_partner')),
	CONSTRAINT "agreement_signatories_email" CHECK (position('@' in email) > 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatories_position_key" ON "agreement_signatories" ("agreement_id", "position");
--> statement-breakpoint
CREATE INDEX "agreement_signatories_email_idx" ON "agreement_signatories" (lower(email));
--> statement-breakpoint
-- One signature per signatory, never changed: on site (recorded by staff with the scanned signed
-- copy) or remote (the signatory's own account confirming the document's hash).
CREATE TABLE "agreement_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"signatory_id" uuid NOT NULL REFERENCES "agreement_signatories"("id"),
	"agreement_id" uuid NOT NULL REFERENCES "agreements"("id"),
	"method" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"place" text,
	"recorded_by" text NOT NULL,
	"scan_filename" text,
	"scan_pdf" bytea,
	"scan_sha256" text,
	"account_id" uuid REFERENCES "accounts"("id"),
	"confirmed_sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_signatures_method" CHECK (method in ('on_site', 'remote')),
	CONSTRAINT "agreement_signatures_on_site" CHECK (method <> 'on_site' OR (place is not null AND length(btrim(place)) > 0 AND scan_pdf is not null AND scan_sha256 is not null)),
	CONSTRAINT "agreement_signatures_remote" CHECK (method <> 'remote' OR account_id is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatures_signatory_key" ON "agreement_signatures" ("signatory_id");
--> statement-breakpoint
CREATE INDEX "agreement_signatures_agreement_idx" ON "agreement_signatures" ("agreement_id");
--> statement-breakpoint
CREATE FUNCTION agreement_signatures_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	target agreements%ROWTYPE;
BEGIN
	IF TG_OP <> 'INSERT' THEN
		RAISE EXCEPTION 'a signature is never changed or removed' USING ERRCODE = '23514', CONSTRAINT = 'agreement_signature_frozen';
	END IF;
	SELECT a.* INTO target FROM agreements a JOIN agreement_signatories s ON s.agreement_id = a.id
		WHERE s.id = NEW.signatory_id AND a.id = NEW.agreement_id FOR UPDATE OF a;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'signatory % does not sign agreement %', NEW.signatory_id, NEW.agreement_id USING ERRCODE = '23514', CONSTRAINT = 'agreement_signature_signatory';
	END IF;
	IF target.status <> 'awaiting_signatures' THEN
		RAISE EXCEPTION 'agreement % is %, not awaiting signatures', target.reference, target.status USING ERRCODE = '23514', CONSTRAINT = 'agreement_signature_status';
	END IF;
	IF NEW.confirmed_sha256 <> target.document_sha256 THEN
		RAISE EXCEPTION 'the confirmed hash does not match the document of agreement %', target.reference USING ERRCODE = '23514', CONSTRAINT = 'agreement_signature_hash';
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER agreement_signatures_guard BEFORE INSERT OR UPDATE OR DELETE ON agreement_signatures FOR EACH ROW EXECUTE FUNCTION agreement_signatures_guard();
--> statement-breakpoint
CREATE TABLE "payload_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL REFERENCES "agreements"("id"),
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"owner" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"note" text,
	"last_reminded_at" timestamp with time zone,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payload_milestones_kind" CHECK (kind in ('icd', 'flight_model_delivery', 'integration', 'launch', 'data_delivery', 'other')),
	CONSTRAINT "payload_milestones_status" CHECK (status in ('planned', 'in_progress', 'done', 'cancelled')),
	CONSTRAINT "payload_milestones_done" CHECK ((status = 'done') = (done_on is not null))
);
--> statement-breakpoint
CREATE INDEX "payload_milestones_agreement_idx" ON "payload_milestones" ("agreement_id", "due_on");
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"agreement_id" uuid NOT NULL REFERENCES "agreements"("id"),
	"borrower_institution_id" uuid NOT NULL REFERENCES "institutions"("id"),
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	CONSTRAINT "loans_status" CHECK (status in ('open', 'closed')),
	CONSTRAINT "loans_closed" CHECK ((status = 'closed') = (closed_at is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "loans_reference_key" ON "loans" ("reference");
--> statement-breakpoint
CREATE INDEX "loans_agreement_idx" ON "loans" ("agreement_id");
--> statement-breakpoint
CREATE INDEX "loans_borrower_idx" ON "loans" ("borrower_institution_id", "status");
--> statement-breakpoint
CREATE TABLE "loan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_id" uuid NOT NULL REFERENCES "loans"("id"),
	"sample_id" uuid NOT NULL REFERENCES "samples"("id"),
	"allocation_id" uuid REFERENCES "sample_allocations"("id"),
	"allocated_mass_ug" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_items_mass" CHECK (allocated_mass_ug > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "loan_items_loan_sample_key" ON "loan_items" ("loan_id", "sample_id");
--> statement-breakpoint
CREATE INDEX "loan_items_sample_idx" ON "loan_items" ("sample_id");
--> statement-breakpoint
-- Checked at commit: an open loan stands under an agreement in force, of its borrower. Fired by a
-- loan written and by an agreement leaving force, so neither side can break the rule alone.
CREATE FUNCTION loans_require_agreement_in_force(target_agreement uuid, target_loan uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	bad record;
BEGIN
	SELECT l.reference, a.reference AS agreement, a.status, a.kind, (l.borrower_institution_id = a.institution_id) AS same_borrower
	INTO bad
	FROM loans l JOIN agreements a ON a.id = l.agreement_id
	WHERE l.status = 'open' AND (l.id = target_loan OR l.agreement_id = target_agreement)
		AND (a.status <> 'in_force' OR a.kind <> 'sample_loan' OR l.borrower_institution_id <> a.institution_id)
	LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'open loan % needs a sample-loan agreement in force with its borrower; agreement % is % (%)',
			bad.reference, bad.agreement, bad.status, CASE WHEN bad.same_borrower THEN bad.kind ELSE 'another institution' END
			USING ERRCODE = '23514', CONSTRAINT = 'loans_agreement_in_force';
	END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION loans_check_agreement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'loans' THEN
		PERFORM loans_require_agreement_in_force(NEW.agreement_id, NEW.id);
	ELSE
		PERFORM loans_require_agreement_in_force(NEW.id, NULL);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER loans_agreement_in_force AFTER INSERT OR UPDATE ON loans DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION loans_check_agreement();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agreements_keep_loans_in_force AFTER UPDATE OF status ON agreements DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW WHEN (OLD.status = 'in_force' AND NEW.status <> 'in_force') EXECUTE FUNCTION loans_check_agreement();
--> statement-breakpoint
-- Who holds a sample, period by period: the agency's curation (in store), a courier (in transit,
-- with the shipment), or the borrower (under a loan). The open period (until is null) is the
-- current custodian.
CREATE TABLE "sample_custodians" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL REFERENCES "samples"("id"),
	"custodian_kind" text NOT NULL,
	"holder" text NOT NULL,
	"institution_id" uuid REFERENCES "institutions"("id"),
	"loan_id" uuid REFERENCES "loans"("id"),
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone,
	"recorded_by" text NOT NULL,
	CONSTRAINT "sample_custodians_kind" CHECK (custodian_kind in ('agency', 'courier', 'borrower')),
	CONSTRAINT "sample_custodians_borrower" CHECK (custodian_kind <> 'borrower' OR (institution_id is not null AND loan_id is not null)),
	CONSTRAINT "sample_custodians_period" CHECK ("until" is null OR "until" >= since)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sample_custodians_one_current" ON "sample_custodians" ("sample_id") WHERE "until" is null;
--> statement-breakpoint
CREATE INDEX "sample_custodians_loan_idx" ON "sample_custodians" ("loan_id") WHERE loan_id is not null;
--> statement-breakpoint
-- A new sample starts in the agency's curation.
CREATE FUNCTION samples_open_custody() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO sample_custodians (sample_id, custodian_kind, holder, since, recorded_by)
		VALUES (NEW.id, 'agency', 'Agency curation', NEW.created_at, 'system');
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER samples_open_custody AFTER INSERT ON samples FOR EACH ROW EXECUTE FUNCTION samples_open_custody();
--> statement-breakpoint
-- Periods are history: only the open one may be closed (until set once); none is ever deleted.
CREATE FUNCTION sample_custodians_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR OLD."until" is not null OR NEW.sample_id <> OLD.sample_id OR NEW.custodian_kind <> OLD.custodian_kind
		OR NEW.holder <> OLD.holder OR NEW.institution_id IS DISTINCT FROM OLD.institution_id
		OR NEW.loan_id IS DISTINCT FROM OLD.loan_id OR NEW.since <> OLD.since THEN
		RAISE EXCEPTION 'a custody period is history: only the current one may be closed' USING ERRCODE = '23514', CONSTRAINT = 'sample_custodians_history';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER sample_custodians_guard BEFORE UPDATE OR DELETE ON sample_custodians FOR EACH ROW EXECUTE FUNCTION sample_custodians_guard();
--> statement-breakpoint
CREATE FUNCTION sample_custodians_one_current() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	sample_number text;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM sample_custodians WHERE sample_id = NEW.sample_id AND "until" is null) THEN
		SELECT number INTO sample_number FROM samples WHERE id = NEW.sample_id;
		RAISE EXCEPTION 'sample % would have no current custodian', sample_number USING ERRCODE = '23514', CONSTRAINT = 'sample_custodians_one_current';
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sample_custodians_always_one AFTER UPDATE ON sample_custodians DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION sample_custodians_one_current();
--> statement-breakpoint
INSERT INTO sample_custodians (sample_id, custodian_kind, holder, since, recorded_by)
	SELECT id, 'agency', 'Agency curation', created_at, 'system' FROM samples;
