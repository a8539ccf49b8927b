-- Durable jobs: scheduled duties and one-off work, shared by every server on this database.
-- A recurring duty's run for one period is one row keyed by (kind, dedupe_key = the period's start):
-- every server inserts it with ON CONFLICT DO NOTHING, and one of them claims it with SKIP LOCKED.
-- A claim is a lease (locked_by, locked_until): a server that dies mid-run stops renewing it, and
-- another server takes the job over once it expires. locked_by stays after the run: who ran it last.
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"kind" text NOT NULL,
	"dedupe_key" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"last_error" text,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_status" CHECK (status in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "jobs_attempts" CHECK (attempts >= 0 and max_attempts >= 1),
	CONSTRAINT "jobs_running_is_leased" CHECK ((status = 'running') = (locked_until is not null) and (status <> 'running' or locked_by is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_kind_dedupe_key" ON "jobs" USING btree ("kind","dedupe_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("locked_until") WHERE "jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "jobs_kind_created_idx" ON "jobs" USING btree ("kind","created_at");--> statement-breakpoint
-- The recurring duties the servers declared (kind and period), for the administrator's view.
-- The schedule itself lives in the code; this table says what the running servers use.
CREATE TABLE "scheduled_duties" (
	"kind" text PRIMARY KEY NOT NULL,
	"every_seconds" integer NOT NULL,
	"declared_by" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_duties_every_seconds" CHECK (every_seconds >= 1)
);
