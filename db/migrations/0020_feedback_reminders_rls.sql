-- Row-level security for the feedback-reminder outbox, as in 0003_wheel_rls.sql: both roles
-- granted, RLS enabled and forced, rytme_app limited to the transaction's tenant, rytme_platform sees all.
GRANT SELECT, INSERT, UPDATE, DELETE ON feedback_reminders TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE feedback_reminders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feedback_reminders FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON feedback_reminders TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON feedback_reminders TO rytme_platform USING (true) WITH CHECK (true);
