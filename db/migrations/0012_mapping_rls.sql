-- Row-level security for the needs-mapping tables, as in 0003_wheel_rls.sql: both roles granted,
-- RLS enabled and forced, rytme_app limited to the transaction's tenant, rytme_platform sees all.
GRANT SELECT, INSERT, UPDATE, DELETE ON competence_areas TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE competence_areas ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE competence_areas FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON competence_areas TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON competence_areas TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON unit_basis_entries TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE unit_basis_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE unit_basis_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON unit_basis_entries TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON unit_basis_entries TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON mapping_forms TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE mapping_forms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mapping_forms FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON mapping_forms TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON mapping_forms TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON mapping_needs TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE mapping_needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mapping_needs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON mapping_needs TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON mapping_needs TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON unit_offers TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE unit_offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE unit_offers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON unit_offers TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON unit_offers TO rytme_platform USING (true) WITH CHECK (true);
