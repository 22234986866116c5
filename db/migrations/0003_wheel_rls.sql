-- Row-level security for the annual wheel's tables, as in 0001_rls.sql: both roles granted,
-- RLS enabled and forced, rytme_app limited to the transaction's tenant, rytme_platform sees all
-- (the reminder job lists tenants under it, then works per tenant under rytme_app).
GRANT SELECT, INSERT, UPDATE, DELETE ON wheel_cycles TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE wheel_cycles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE wheel_cycles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON wheel_cycles TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON wheel_cycles TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON wheel_milestones TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE wheel_milestones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE wheel_milestones FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON wheel_milestones TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON wheel_milestones TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON wheel_unit_statuses TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE wheel_unit_statuses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE wheel_unit_statuses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON wheel_unit_statuses TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON wheel_unit_statuses TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON wheel_reminders TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE wheel_reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE wheel_reminders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON wheel_reminders TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON wheel_reminders TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON notifications TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON notifications TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON notifications TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON wheel_settings TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE wheel_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE wheel_settings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON wheel_settings TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON wheel_settings TO rytme_platform USING (true) WITH CHECK (true);
