-- Row-level security for the plan's 4-year outlook, as in 0016_competence_plan_rls.sql: both roles
-- granted, RLS enabled and forced, rytme_app limited to the transaction's tenant, rytme_platform sees all.
GRANT SELECT, INSERT, UPDATE, DELETE ON competence_plan_outlook TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE competence_plan_outlook ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE competence_plan_outlook FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON competence_plan_outlook TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON competence_plan_outlook TO rytme_platform USING (true) WITH CHECK (true);
