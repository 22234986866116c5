-- Row-level security for the roster module's tenant-owned tables (as 0001_rls.sql): RLS
-- enabled and forced, rytme_app filtered on the transaction-local tenant, rytme_platform all.
GRANT SELECT, INSERT, UPDATE, DELETE ON roster_rule_sets TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE roster_rule_sets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE roster_rule_sets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_rule_sets TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON roster_rule_sets TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON roster_periods TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE roster_periods ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE roster_periods FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_periods TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON roster_periods TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON roster_wishes TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE roster_wishes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE roster_wishes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_wishes TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON roster_wishes TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON roster_swaps TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE roster_swaps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE roster_swaps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON roster_swaps TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON roster_swaps TO rytme_platform USING (true) WITH CHECK (true);
