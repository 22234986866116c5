CREATE TABLE "competence_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"competence_area_id" uuid NOT NULL,
	"measure_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"people_count" integer DEFAULT 0 NOT NULL,
	"planned_cost_nok" integer NOT NULL,
	"priority" integer NOT NULL,
	"position" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"catalogue_measure_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competence_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"budget_frame_nok" bigint,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by_account_id" uuid,
	"approved_by_name" text,
	"published_at" timestamp with time zone,
	"published_by_account_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competence_plan_items" ADD CONSTRAINT "competence_plan_items_plan_id_competence_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."competence_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_plan_items" ADD CONSTRAINT "competence_plan_items_competence_area_id_competence_areas_id_fk" FOREIGN KEY ("competence_area_id") REFERENCES "public"."competence_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_plans" ADD CONSTRAINT "competence_plans_cycle_id_wheel_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."wheel_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_plans" ADD CONSTRAINT "competence_plans_approved_by_account_id_accounts_id_fk" FOREIGN KEY ("approved_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_plans" ADD CONSTRAINT "competence_plans_published_by_account_id_accounts_id_fk" FOREIGN KEY ("published_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competence_plan_items_tenant_plan" ON "competence_plan_items" USING btree ("tenant_id","plan_id","priority","position");--> statement-breakpoint
CREATE UNIQUE INDEX "competence_plans_tenant_cycle" ON "competence_plans" USING btree ("tenant_id","cycle_id");