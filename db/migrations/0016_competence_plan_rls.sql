-- Row-level security for the competence plan's tables, as in 0003_wheel_rls.sql: both roles
-- granted, RLS enabled and forced, rytme_app limited to the transaction's tenant, rytme_platform sees all.
GRANT SELECT, INSERT, UPDATE, DELETE ON competence_plans TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE competence_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE competence_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON competence_plans TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON competence_plans TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON competence_plan_items TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE competence_plan_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE competence_plan_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON competence_plan_items TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON competence_plan_items TO rytme_platform USING (true) WITH CHECK (true);
