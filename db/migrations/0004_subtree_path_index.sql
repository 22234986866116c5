DROP INDEX "org_units_path";--> statement-breakpoint
CREATE INDEX "org_units_path" ON "org_units" USING btree ("tenant_id","path" text_pattern_ops);