-- Row-level security for a region's shared milestones. Not tenant-owned: rytme_app sees and
-- writes only the rows of the region its transaction's tenant belongs to (the tenant's own row
-- in tenants is the only one rytme_app can read, so the subquery cannot name another region),
-- and a write must name the transaction's tenant as the one that made it. A tenant outside any
-- region sees none (region_id = NULL is never true). No DELETE: region milestones are not deleted.
-- The members' copies live in wheel_milestones, tenant-owned under its existing policy (0003).
GRANT SELECT, INSERT, UPDATE ON region_milestones TO rytme_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON region_milestones TO rytme_platform;
--> statement-breakpoint
ALTER TABLE region_milestones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE region_milestones FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY region_members ON region_milestones TO rytme_app
  USING (region_id = (SELECT t.region_id FROM tenants t WHERE t.id = nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (
    region_id = (SELECT t.region_id FROM tenants t WHERE t.id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    AND updated_by_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
  );
--> statement-breakpoint
CREATE POLICY platform_all ON region_milestones TO rytme_platform USING (true) WITH CHECK (true);

--> statement-breakpoint
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
