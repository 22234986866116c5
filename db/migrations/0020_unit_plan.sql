CREATE TABLE "unit_plan_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"section" text NOT NULL,
	"position" integer NOT NULL,
	"year" integer,
	"title" text NOT NULL,
	"competence" text DEFAULT '' NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"timing" text DEFAULT '' NOT NULL,
	"cost_nok" integer,
	"catalogue_measure_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"development_trends" text DEFAULT '' NOT NULL,
	"budget_frame_nok" bigint,
	"competence_budget_nok" bigint,
	"economy_note" text DEFAULT '' NOT NULL,
	"service_standards" text DEFAULT '' NOT NULL,
	"head_count" integer,
	"fte_hundredths" integer,
	"facts_note" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by_account_id" uuid,
	"approved_at" timestamp with time zone,
	"approved_by_account_id" uuid,
	"approved_by_name" text,
	"return_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_plan_rows" ADD CONSTRAINT "unit_plan_rows_plan_id_unit_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."unit_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plan_rows" ADD CONSTRAINT "unit_plan_rows_catalogue_measure_id_measures_id_fk" FOREIGN KEY ("catalogue_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plans" ADD CONSTRAINT "unit_plans_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plans" ADD CONSTRAINT "unit_plans_cycle_id_wheel_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."wheel_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plans" ADD CONSTRAINT "unit_plans_submitted_by_account_id_accounts_id_fk" FOREIGN KEY ("submitted_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_plans" ADD CONSTRAINT "unit_plans_approved_by_account_id_accounts_id_fk" FOREIGN KEY ("approved_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_plan_rows_tenant_plan" ON "unit_plan_rows" USING btree ("tenant_id","plan_id","section","position");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_plans_tenant_unit_cycle" ON "unit_plans" USING btree ("tenant_id","unit_id","cycle_id");--> statement-breakpoint
CREATE INDEX "unit_plans_tenant_cycle" ON "unit_plans" USING btree ("tenant_id","cycle_id");