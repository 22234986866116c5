CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reminder_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wheel_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"region_id" uuid,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"template" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wheel_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"owner_role" text NOT NULL,
	"concerns" text NOT NULL,
	"target_kind" text,
	"target_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reminder_offsets" integer[] DEFAULT '{14,3,0}'::int[] NOT NULL,
	"overdue_every_days" integer DEFAULT 7 NOT NULL,
	"escalate_after_days" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wheel_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"unit_key" text NOT NULL,
	"step" text NOT NULL,
	"step_date" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"delivery" text DEFAULT 'single' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"mail_id" uuid,
	"error" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempted_at" timestamp with time zone,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wheel_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"delivery" text DEFAULT 'single' NOT NULL,
	"feed_token_hash" text,
	"feed_token_created_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wheel_unit_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"set_by_account_id" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_reminder_id_wheel_reminders_id_fk" FOREIGN KEY ("reminder_id") REFERENCES "public"."wheel_reminders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wheel_cycles" ADD CONSTRAINT "wheel_cycles_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wheel_milestones" ADD CONSTRAINT "wheel_milestones_cycle_id_wheel_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."wheel_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wheel_reminders" ADD CONSTRAINT "wheel_reminders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wheel_reminders" ADD CONSTRAINT "wheel_reminders_milestone_id_wheel_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."wheel_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wheel_settings" ADD CONSTRAINT "wheel_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wheel_unit_statuses" ADD CONSTRAINT "wheel_unit_statuses_milestone_id_wheel_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."wheel_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wheel_unit_statuses" ADD CONSTRAINT "wheel_unit_statuses_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wheel_unit_statuses" ADD CONSTRAINT "wheel_unit_statuses_set_by_account_id_accounts_id_fk" FOREIGN KEY ("set_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_tenant_account" ON "notifications" USING btree ("tenant_id","account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_reminder" ON "notifications" USING btree ("reminder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wheel_cycles_tenant_year" ON "wheel_cycles" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "wheel_milestones_tenant_cycle" ON "wheel_milestones" USING btree ("tenant_id","cycle_id","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "wheel_reminders_once" ON "wheel_reminders" USING btree ("tenant_id","account_id","milestone_id","unit_key","step");--> statement-breakpoint
CREATE INDEX "wheel_reminders_tenant_status" ON "wheel_reminders" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "wheel_reminders_tenant_claimed" ON "wheel_reminders" USING btree ("tenant_id","claimed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wheel_settings_feed_token" ON "wheel_settings" USING btree ("feed_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "wheel_unit_statuses_unique" ON "wheel_unit_statuses" USING btree ("tenant_id","milestone_id","unit_id");