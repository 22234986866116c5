-- Row-level security for the units' action and development plans, as in 0016_competence_plan_rls.sql: both roles
-- granted, RLS enabled and forced, rytme_app limited to the transaction's tenant, rytme_platform sees all.
GRANT SELECT, INSERT, UPDATE, DELETE ON unit_plans TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE unit_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE unit_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON unit_plans TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON unit_plans TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON unit_plan_rows TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE unit_plan_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE unit_plan_rows FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON unit_plan_rows TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON unit_plan_rows TO rytme_platform USING (true) WITH CHECK (true);