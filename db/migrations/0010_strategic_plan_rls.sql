-- Row-level security for the strategic competence and staffing plan's tables, as in 0003_wheel_rls.sql:
-- both roles granted, RLS enabled and forced, rytme_app limited to the transaction's tenant.
GRANT SELECT, INSERT, UPDATE, DELETE ON strategic_plans TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE strategic_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategic_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategic_plans TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON strategic_plans TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON strategic_plan_steps TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE strategic_plan_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategic_plan_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategic_plan_steps TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON strategic_plan_steps TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON strategic_plan_goals TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE strategic_plan_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategic_plan_goals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategic_plan_goals TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON strategic_plan_goals TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON strategic_plan_requirements TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE strategic_plan_requirements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategic_plan_requirements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategic_plan_requirements TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON strategic_plan_requirements TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON strategic_plan_strategies TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE strategic_plan_strategies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategic_plan_strategies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategic_plan_strategies TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON strategic_plan_strategies TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON strategic_plan_measures TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE strategic_plan_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategic_plan_measures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON strategic_plan_measures TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON strategic_plan_measures TO rytme_platform USING (true) WITH CHECK (true);
