ALTER TABLE "wheel_reminders" ALTER COLUMN "milestone_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "wheel_reminders" ADD COLUMN "roster_period_id" uuid;--> statement-breakpoint
ALTER TABLE "roster_periods" ADD COLUMN "wish_reminder_days" integer[] DEFAULT '{7,1}'::int[] NOT NULL;--> statement-breakpoint
ALTER TABLE "wheel_reminders" ADD CONSTRAINT "wheel_reminders_roster_period_id_roster_periods_id_fk" FOREIGN KEY ("roster_period_id") REFERENCES "public"."roster_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wheel_reminders_roster_once" ON "wheel_reminders" USING btree ("tenant_id","account_id","roster_period_id","step") WHERE roster_period_id is not null;--> statement-breakpoint
ALTER TABLE "wheel_reminders" ADD CONSTRAINT "wheel_reminders_one_subject" CHECK ((milestone_id is null) <> (roster_period_id is null));