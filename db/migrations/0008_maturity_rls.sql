-- Row-level security for the maturity tables, as in 0003_wheel_rls.sql: both roles granted,
-- RLS enabled and forced, rytme_app limited to the transaction's tenant, rytme_platform sees all.
GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_survey_rounds TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE maturity_survey_rounds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE maturity_survey_rounds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON maturity_survey_rounds TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON maturity_survey_rounds TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_survey_invitations TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE maturity_survey_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE maturity_survey_invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON maturity_survey_invitations TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON maturity_survey_invitations TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_survey_participations TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE maturity_survey_participations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE maturity_survey_participations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON maturity_survey_participations TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON maturity_survey_participations TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_survey_responses TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE maturity_survey_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE maturity_survey_responses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON maturity_survey_responses TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON maturity_survey_responses TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_checklist_items TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE maturity_checklist_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE maturity_checklist_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON maturity_checklist_items TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON maturity_checklist_items TO rytme_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON maturity_checklists TO rytme_app, rytme_platform;
--> statement-breakpoint
ALTER TABLE maturity_checklists ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE maturity_checklists FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON maturity_checklists TO rytme_app USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY platform_all ON maturity_checklists TO rytme_platform USING (true) WITH CHECK (true);
