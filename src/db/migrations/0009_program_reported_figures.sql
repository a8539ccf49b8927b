-- The headline figures an agency reports for a program ("9 projects from 23 entities in 17 countries"),
-- with how it counts them. The portal shows these as the headline, beside what the registry records,
-- since the record can be incomplete (participants not yet known) or counted another way.
ALTER TABLE "programs" ADD COLUMN IF NOT EXISTS "reported_figures" jsonb NOT NULL DEFAULT '[]'::jsonb;
