CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"address" text,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"native_name" text,
	"kind" text DEFAULT 'country' NOT NULL,
	"sovereign_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "countries_code_shape" CHECK ("countries"."code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "countries_kind" CHECK (kind in ('country', 'region'))
);
--> statement-breakpoint
CREATE TABLE "host_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"pool_mass_g" integer,
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
	"note" text,
	"confidence" text DEFAULT 'confirmed' NOT NULL,
	"confidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "host_modules_kind" CHECK (kind in ('lander', 'orbiter', 'service_module', 'rover', 'rack', 'external_adapter', 'returner', 'ascender')),
	CONSTRAINT "host_modules_mounting" CHECK (mounting in ('inside', 'outside', 'either')),
	CONSTRAINT "host_modules_non_negative" CHECK (coalesce("host_modules"."pool_mass_g", 0) >= 0 and coalesce("host_modules"."pool_power_mw", 0) >= 0 and coalesce("host_modules"."pool_data_mb_per_day", 0) >= 0
        and coalesce("host_modules"."item_max_mass_g", 0) >= 0 and coalesce("host_modules"."item_max_avg_power_mw", 0) >= 0 and coalesce("host_modules"."item_max_peak_power_mw", 0) >= 0),
	CONSTRAINT "host_modules_confidence" CHECK (confidence in ('confirmed', 'unconfirmed'))
);
--> statement-breakpoint
CREATE TABLE "installation_facts" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"native_name" text,
	"acronym" text,
	"kind" text NOT NULL,
	"country_code" text,
	"organisation_id" uuid,
	"ror_id" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "institutions_one_home" CHECK (("institutions"."country_code" is null) <> ("institutions"."organisation_id" is null)),
	CONSTRAINT "institutions_kind" CHECK (kind in ('space_agency', 'university', 'research_institute', 'company', 'government', 'other'))
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"native_name" text,
	"agency_id" uuid,
	"target_body" text NOT NULL,
	"launch_date" date,
	"launch_year" integer,
	"status" text NOT NULL,
	"summary" text,
	"confidence" text DEFAULT 'confirmed' NOT NULL,
	"confidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "missions_target_body" CHECK (target_body in ('moon', 'mars', 'earth_orbit', 'sun', 'asteroid', 'other')),
	CONSTRAINT "missions_status" CHECK (status in ('planned', 'in_development', 'launched', 'operating', 'completed', 'failed', 'cancelled')),
	CONSTRAINT "missions_launch_year_matches" CHECK ("missions"."launch_date" is null or "missions"."launch_year" = extract(year from "missions"."launch_date")),
	CONSTRAINT "missions_confidence" CHECK (confidence in ('confirmed', 'unconfirmed'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"acronym" text NOT NULL,
	"name" text NOT NULL,
	"native_name" text,
	"kind" text NOT NULL,
	"website" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "organisations_kind" CHECK (kind in ('intergovernmental', 'united_nations', 'scientific_society', 'other'))
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"country_code" text,
	"organisation_id" uuid,
	"institution_id" uuid,
	"kind" text NOT NULL,
	"joined_on" date,
	"note" text,
	"confidence" text DEFAULT 'confirmed' NOT NULL,
	"confidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "partnerships_one_partner" CHECK (num_nonnulls("partnerships"."country_code", "partnerships"."organisation_id", "partnerships"."institution_id") = 1),
	CONSTRAINT "partnerships_kind" CHECK (kind in ('initiator', 'member', 'institutional_mou', 'work_package', 'co_lead')),
	CONSTRAINT "partnerships_confidence" CHECK (confidence in ('confirmed', 'unconfirmed'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"native_name" text,
	"orcid" text,
	"email" text NOT NULL,
	"institution_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"native_name" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"mission_id" uuid,
	"agency_id" uuid,
	"started_on" date,
	"summary" text,
	"budget_summary" text,
	"confidence" text DEFAULT 'confirmed' NOT NULL,
	"confidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "programs_kind" CHECK (kind in ('sample_loan', 'payload', 'station_experiment', 'partnership', 'bilateral')),
	CONSTRAINT "programs_status" CHECK (status in ('planned', 'open', 'running', 'completed')),
	CONSTRAINT "programs_confidence" CHECK (confidence in ('confirmed', 'unconfirmed'))
);
--> statement-breakpoint
CREATE TABLE "project_participants" (
	"project_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "project_participants_project_id_institution_id_pk" PRIMARY KEY("project_id","institution_id"),
	CONSTRAINT "project_participants_role" CHECK (role in ('lead', 'partner'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"status" text NOT NULL,
	"host_module_id" uuid,
	"mass_g" integer,
	"announced_on" date,
	"summary" text,
	"confidence" text DEFAULT 'confirmed' NOT NULL,
	"confidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "projects_level" CHECK (level in ('mission', 'system', 'instrument', 'experiment', 'sample_loan', 'spacecraft')),
	CONSTRAINT "projects_status" CHECK (status in ('selected', 'conditionally_selected', 'approved', 'agreement_signed', 'delivered', 'flown', 'completed')),
	CONSTRAINT "projects_mass_non_negative" CHECK (coalesce("projects"."mass_g", 0) >= 0),
	CONSTRAINT "projects_confidence" CHECK (confidence in ('confirmed', 'unconfirmed'))
);
--> statement-breakpoint
CREATE TABLE "sample_collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"mission_id" uuid NOT NULL,
	"name" text NOT NULL,
	"returned_mass_mg" bigint NOT NULL,
	"returned_on" date,
	"sample_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"confidence" text DEFAULT 'confirmed' NOT NULL,
	"confidence_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "sample_collections_mass_positive" CHECK ("sample_collections"."returned_mass_mg" > 0),
	CONSTRAINT "sample_collections_confidence" CHECK (confidence in ('confirmed', 'unconfirmed'))
);
--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_sovereign_code_countries_code_fk" FOREIGN KEY ("sovereign_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_modules" ADD CONSTRAINT "host_modules_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_agency_id_institutions_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_agency_id_institutions_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_participants" ADD CONSTRAINT "project_participants_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_participants" ADD CONSTRAINT "project_participants_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_host_module_id_host_modules_id_fk" FOREIGN KEY ("host_module_id") REFERENCES "public"."host_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_collections" ADD CONSTRAINT "sample_collections_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "host_modules_mission_name_key" ON "host_modules" USING btree ("mission_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_slug_key" ON "institutions" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_ror_id_key" ON "institutions" USING btree ("ror_id");--> statement-breakpoint
CREATE INDEX "institutions_country_idx" ON "institutions" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "institutions_organisation_idx" ON "institutions" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "missions_slug_key" ON "missions" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_acronym_key" ON "organisations" USING btree ("acronym");--> statement-breakpoint
CREATE INDEX "partnerships_program_idx" ON "partnerships" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_orcid_key" ON "people" USING btree ("orcid");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_key" ON "people" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "people_institution_idx" ON "people" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_slug_key" ON "programs" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "project_participants_institution_idx" ON "project_participants" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "projects_program_idx" ON "projects" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_collections_slug_key" ON "sample_collections" USING btree ("slug");