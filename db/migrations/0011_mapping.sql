CREATE TABLE "competence_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into_id" uuid,
	"proposed_by_account_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"milestone_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"discussion_date" date,
	"participants_text" text DEFAULT '' NOT NULL,
	"participant_person_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"return_comment" text,
	"carried_over_from_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by_account_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by_account_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"term" text NOT NULL,
	"competence_area_id" uuid NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"basis_entry_id" uuid,
	"why_text" text DEFAULT '' NOT NULL,
	"people_count" integer NOT NULL,
	"measure_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"priority" integer NOT NULL,
	"cost_nok" integer DEFAULT 0 NOT NULL,
	"substitute_cost_nok" integer DEFAULT 0 NOT NULL,
	"carried_over" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_basis_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"competence_area_id" uuid,
	"capacity" integer,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competence_areas" ADD CONSTRAINT "competence_areas_merged_into_id_competence_areas_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."competence_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_areas" ADD CONSTRAINT "competence_areas_proposed_by_account_id_accounts_id_fk" FOREIGN KEY ("proposed_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_forms" ADD CONSTRAINT "mapping_forms_cycle_id_wheel_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."wheel_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_forms" ADD CONSTRAINT "mapping_forms_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_forms" ADD CONSTRAINT "mapping_forms_milestone_id_wheel_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."wheel_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_forms" ADD CONSTRAINT "mapping_forms_carried_over_from_id_mapping_forms_id_fk" FOREIGN KEY ("carried_over_from_id") REFERENCES "public"."mapping_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_forms" ADD CONSTRAINT "mapping_forms_submitted_by_account_id_accounts_id_fk" FOREIGN KEY ("submitted_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_forms" ADD CONSTRAINT "mapping_forms_decided_by_account_id_accounts_id_fk" FOREIGN KEY ("decided_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_needs" ADD CONSTRAINT "mapping_needs_form_id_mapping_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."mapping_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_needs" ADD CONSTRAINT "mapping_needs_competence_area_id_competence_areas_id_fk" FOREIGN KEY ("competence_area_id") REFERENCES "public"."competence_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_needs" ADD CONSTRAINT "mapping_needs_basis_entry_id_unit_basis_entries_id_fk" FOREIGN KEY ("basis_entry_id") REFERENCES "public"."unit_basis_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_basis_entries" ADD CONSTRAINT "unit_basis_entries_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_offers" ADD CONSTRAINT "unit_offers_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_offers" ADD CONSTRAINT "unit_offers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_offers" ADD CONSTRAINT "unit_offers_competence_area_id_competence_areas_id_fk" FOREIGN KEY ("competence_area_id") REFERENCES "public"."competence_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competence_areas_tenant_name" ON "competence_areas" USING btree ("tenant_id",lower("name")) WHERE status in ('active', 'proposed');--> statement-breakpoint
CREATE INDEX "competence_areas_tenant_status" ON "competence_areas" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_forms_tenant_cycle_unit" ON "mapping_forms" USING btree ("tenant_id","cycle_id","unit_id");--> statement-breakpoint
CREATE INDEX "mapping_forms_tenant_unit" ON "mapping_forms" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "mapping_needs_tenant_form" ON "mapping_needs" USING btree ("tenant_id","form_id","position");--> statement-breakpoint
CREATE INDEX "unit_basis_entries_tenant_unit" ON "unit_basis_entries" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_offers_tenant_unit" ON "unit_offers" USING btree ("tenant_id","unit_id");