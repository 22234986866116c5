CREATE TABLE "region_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"owner_role" text NOT NULL,
	"concerns" text NOT NULL,
	"target_kind" text,
	"reminder_offsets" integer[] DEFAULT '{14,3,0}'::int[] NOT NULL,
	"overdue_every_days" integer DEFAULT 7 NOT NULL,
	"escalate_after_days" integer,
	"created_by_tenant_id" uuid NOT NULL,
	"updated_by_tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"mail_id" uuid,
	"error" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempted_at" timestamp with time zone,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "wheel_milestones" ADD COLUMN "region_milestone_id" uuid;--> statement-breakpoint
ALTER TABLE "wheel_milestones" ADD COLUMN "region_version" integer;--> statement-breakpoint
ALTER TABLE "region_milestones" ADD CONSTRAINT "region_milestones_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_milestones" ADD CONSTRAINT "region_milestones_created_by_tenant_id_tenants_id_fk" FOREIGN KEY ("created_by_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_milestones" ADD CONSTRAINT "region_milestones_updated_by_tenant_id_tenants_id_fk" FOREIGN KEY ("updated_by_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reminders" ADD CONSTRAINT "feedback_reminders_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reminders" ADD CONSTRAINT "feedback_reminders_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reminders" ADD CONSTRAINT "feedback_reminders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_milestones_region_year" ON "region_milestones" USING btree ("region_id","year","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_reminders_once" ON "feedback_reminders" USING btree ("tenant_id","enrolment_id","account_id");--> statement-breakpoint
CREATE INDEX "feedback_reminders_tenant_status" ON "feedback_reminders" USING btree ("tenant_id","status","claimed_at");--> statement-breakpoint
ALTER TABLE "wheel_milestones" ADD CONSTRAINT "wheel_milestones_region_milestone_id_region_milestones_id_fk" FOREIGN KEY ("region_milestone_id") REFERENCES "public"."region_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wheel_milestones_region_copy" ON "wheel_milestones" USING btree ("tenant_id","region_milestone_id");