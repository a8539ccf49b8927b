-- A registry editor keeps the shared reference data of the registry (countries, organisations,
-- institutions, people, missions, host modules, sample collections) and creates programs; it has
-- no scope, like an administrator.
ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_role";
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_role" CHECK (role in ('applicant', 'reviewer', 'program_officer', 'curator', 'selection_official', 'administrator', 'registry_editor'));
