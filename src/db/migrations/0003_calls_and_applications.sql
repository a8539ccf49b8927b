CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"document_key" text NOT NULL,
	"filename" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "application_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sample_offer_id" uuid,
	"module_offer_id" uuid,
	"mass_mg" bigint,
	"mass_g" integer,
	"avg_power_mw" integer,
	"peak_power_mw" integer,
	"data_mb_per_day" integer,
	"mounting" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "application_requests_one_offer" CHECK (num_nonnulls("application_requests"."sample_offer_id", "application_requests"."module_offer_id") = 1),
	CONSTRAINT "application_requests_mounting" CHECK ("application_requests"."mounting" is null or mounting in ('inside', 'outside'))
);
--> statement-breakpoint
CREATE TABLE "application_versions" (
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"check_report" jsonb NOT NULL,
	"draft_revision" integer NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_versions_application_id_version_pk" PRIMARY KEY("application_id","version")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"owner_account_id" uuid NOT NULL,
	"stage" text DEFAULT 'full_proposal' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"draft" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"draft_revision" integer DEFAULT 0 NOT NULL,
	"submitted_version" integer,
	"submitted_at" timestamp with time zone,
	"lead_institution_id" uuid,
	"lead_country" text,
	"check_result" text,
	"synthetic" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_status" CHECK (status in ('draft', 'submitted', 'withdrawn', 'shortlisted', 'not_shortlisted')),
	CONSTRAINT "applications_stage" CHECK (stage in ('letter_of_intent', 'full_proposal')),
	CONSTRAINT "applications_check_result" CHECK ("applications"."check_result" is null or check_result in ('pass', 'warn', 'fail'))
);
--> statement-breakpoint
CREATE TABLE "call_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"weight" integer NOT NULL,
	"scale_min" integer DEFAULT 1 NOT NULL,
	"scale_max" integer DEFAULT 5 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_criteria_weight" CHECK ("call_criteria"."weight" > 0 and "call_criteria"."weight" <= 100),
	CONSTRAINT "call_criteria_scale" CHECK ("call_criteria"."scale_min" < "call_criteria"."scale_max")
);
--> statement-breakpoint
CREATE TABLE "call_module_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"host_module_id" uuid NOT NULL,
	"pool_mass_g" integer NOT NULL,
	"pool_power_mw" integer,
	"pool_data_mb_per_day" integer,
	"item_max_mass_g" integer,
	"item_max_avg_power_mw" integer,
	"item_max_peak_power_mw" integer,
	"item_max_length_mm" integer,
	"item_max_width_mm" integer,
	"item_max_height_mm" integer,
	"item_min_temp_c" integer,
	"item_max_temp_c" integer,
	"mounting" text DEFAULT 'either' NOT NULL,
	CONSTRAINT "call_module_offers_pool" CHECK ("call_module_offers"."pool_mass_g" > 0)
);
--> statement-breakpoint
CREATE TABLE "call_sample_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"sample_collection_id" uuid NOT NULL,
	"sample_type" text NOT NULL,
	"available_mg" bigint NOT NULL,
	"reserve_mg" bigint DEFAULT 0 NOT NULL,
	"max_per_request_mg" bigint,
	CONSTRAINT "call_sample_offers_masses" CHECK ("call_sample_offers"."available_mg" > 0 and "call_sample_offers"."reserve_mg" >= 0 and "call_sample_offers"."reserve_mg" < "call_sample_offers"."available_mg")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"program_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"stages" integer DEFAULT 1 NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"loi_closes_at" timestamp with time zone,
	"closes_at" timestamp with time zone NOT NULL,
	"eligibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"synthetic" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_status" CHECK (status in ('draft', 'published', 'closed', 'in_review', 'decided', 'cancelled')),
	CONSTRAINT "calls_stages" CHECK ("calls"."stages" in (1, 2)),
	CONSTRAINT "calls_window" CHECK ("calls"."opens_at" < "calls"."closes_at"),
	CONSTRAINT "calls_loi_window" CHECK ("calls"."loi_closes_at" is null or ("calls"."stages" = 2 and "calls"."opens_at" < "calls"."loi_closes_at" and "calls"."loi_closes_at" < "calls"."closes_at"))
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_sample_offer_id_call_sample_offers_id_fk" FOREIGN KEY ("sample_offer_id") REFERENCES "public"."call_sample_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_requests" ADD CONSTRAINT "application_requests_module_offer_id_call_module_offers_id_fk" FOREIGN KEY ("module_offer_id") REFERENCES "public"."call_module_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_owner_account_id_accounts_id_fk" FOREIGN KEY ("owner_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_lead_institution_id_institutions_id_fk" FOREIGN KEY ("lead_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_criteria" ADD CONSTRAINT "call_criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_module_offers" ADD CONSTRAINT "call_module_offers_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_module_offers" ADD CONSTRAINT "call_module_offers_host_module_id_host_modules_id_fk" FOREIGN KEY ("host_module_id") REFERENCES "public"."host_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_sample_offers" ADD CONSTRAINT "call_sample_offers_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_sample_offers" ADD CONSTRAINT "call_sample_offers_sample_collection_id_sample_collections_id_fk" FOREIGN KEY ("sample_collection_id") REFERENCES "public"."sample_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_app_idx" ON "application_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_requests_app_idx" ON "application_requests" USING btree ("application_id","version");--> statement-breakpoint
CREATE INDEX "applications_call_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "applications_owner_idx" ON "applications" USING btree ("owner_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_criteria_key" ON "call_criteria" USING btree ("call_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "call_module_offers_module_key" ON "call_module_offers" USING btree ("call_id","host_module_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_sample_offers_type_key" ON "call_sample_offers" USING btree ("call_id","sample_collection_id","sample_type");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_slug_key" ON "calls" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "calls_program_idx" ON "calls" USING btree ("program_id");