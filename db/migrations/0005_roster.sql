CREATE TABLE "roster_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"weeks" integer NOT NULL,
	"wish_deadline" date NOT NULL,
	"publish_lead_days" integer DEFAULT 28 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rule_set_id" uuid,
	"rules" jsonb NOT NULL,
	"shift_types" jsonb NOT NULL,
	"staffing" jsonb NOT NULL,
	"unavailability" jsonb NOT NULL,
	"roster" jsonb,
	"review_comment" text,
	"solve_status" text DEFAULT 'idle' NOT NULL,
	"solve_fraction" real DEFAULT 0 NOT NULL,
	"solve_objective" integer,
	"solve_summary" jsonb,
	"solve_started_at" timestamp with time zone,
	"solve_finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rules" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_swaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"requester_person_id" uuid NOT NULL,
	"counterpart_person_id" uuid NOT NULL,
	"day" integer NOT NULL,
	"requester_shift" text,
	"counterpart_shift" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"comment" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"wishes" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roster_periods" ADD CONSTRAINT "roster_periods_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_periods" ADD CONSTRAINT "roster_periods_rule_set_id_roster_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."roster_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_period_id_roster_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."roster_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_requester_person_id_persons_id_fk" FOREIGN KEY ("requester_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_counterpart_person_id_persons_id_fk" FOREIGN KEY ("counterpart_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_wishes" ADD CONSTRAINT "roster_wishes_period_id_roster_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."roster_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_wishes" ADD CONSTRAINT "roster_wishes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roster_periods_tenant_unit" ON "roster_periods" USING btree ("tenant_id","unit_id","start_date");--> statement-breakpoint
CREATE INDEX "roster_rule_sets_tenant" ON "roster_rule_sets" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "roster_swaps_tenant_period" ON "roster_swaps" USING btree ("tenant_id","period_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_wishes_period_person" ON "roster_wishes" USING btree ("tenant_id","period_id","person_id");