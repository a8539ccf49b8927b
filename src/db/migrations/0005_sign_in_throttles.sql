-- Throttles count each attempt before it is checked and answer with a growing delay instead of a
-- fixed lock: "failures" becomes the attempts counted in the window, "locked_until" the earliest
-- time the next attempt is admitted.
ALTER TABLE "auth_throttle" RENAME COLUMN "failures" TO "attempts";
--> statement-breakpoint
ALTER TABLE "auth_throttle" RENAME COLUMN "locked_until" TO "next_allowed_at";
--> statement-breakpoint
-- A reset asked for an address without an account stores a token that names no account (it can
-- never be used), so the request does the same writes either way.
ALTER TABLE "one_time_tokens" ALTER COLUMN "account_id" DROP NOT NULL;
