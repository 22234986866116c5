CREATE TABLE "strategic_plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"source" text NOT NULL,
	"document" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"milestone_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_plan_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"styrk08" text NOT NULL,
	"year" integer NOT NULL,
	"basis" text NOT NULL,
	"required" numeric(9, 1) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_plan_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_plan_strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"styrk08" text,
	"general_competence" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scope_unit_id" uuid,
	"title" text NOT NULL,
	"start_year" integer NOT NULL,
	"horizon_years" integer DEFAULT 4 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"retirement_age" integer DEFAULT 67 NOT NULL,
	"early_retirement_percent" integer DEFAULT 0 NOT NULL,
	"competence_definition" text DEFAULT '' NOT NULL,
	"competence_requirements" text DEFAULT '' NOT NULL,
	"competence_capital" text DEFAULT '' NOT NULL,
	"competence_needs" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "strategic_plan_goals" ADD CONSTRAINT "strategic_plan_goals_plan_id_strategic_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."strategic_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_plan_measures" ADD CONSTRAINT "strategic_plan_measures_strategy_id_strategic_plan_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategic_plan_strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_plan_measures" ADD CONSTRAINT "strategic_plan_measures_milestone_id_wheel_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."wheel_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_plan_requirements" ADD CONSTRAINT "strategic_plan_requirements_plan_id_strategic_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."strategic_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_plan_steps" ADD CONSTRAINT "strategic_plan_steps_plan_id_strategic_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."strategic_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_plan_steps" ADD CONSTRAINT "strategic_plan_steps_done_by_accounts_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_plan_strategies" ADD CONSTRAINT "strategic_plan_strategies_plan_id_strategic_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."strategic_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_plans" ADD CONSTRAINT "strategic_plans_scope_unit_id_org_units_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategic_plan_goals_plan" ON "strategic_plan_goals" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "strategic_plan_measures_strategy" ON "strategic_plan_measures" USING btree ("tenant_id","strategy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategic_plan_requirements_unique" ON "strategic_plan_requirements" USING btree ("tenant_id","plan_id","styrk08","year");--> statement-breakpoint
CREATE UNIQUE INDEX "strategic_plan_steps_unique" ON "strategic_plan_steps" USING btree ("tenant_id","plan_id","step");--> statement-breakpoint
CREATE INDEX "strategic_plan_strategies_plan" ON "strategic_plan_strategies" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "strategic_plans_tenant" ON "strategic_plans" USING btree ("tenant_id","start_year");