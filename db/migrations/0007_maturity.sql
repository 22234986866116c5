CREATE TABLE "maturity_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"seed_key" text,
	"text" text,
	"archived" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_by_account_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_survey_invitations" (
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"respondent_group" text NOT NULL,
	CONSTRAINT "maturity_survey_invitations_round_id_account_id_pk" PRIMARY KEY("round_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "maturity_survey_participations" (
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "maturity_survey_participations_round_id_account_id_pk" PRIMARY KEY("round_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "maturity_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"respondent_group" text NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_survey_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"min_group_size" integer DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "maturity_checklists" ADD CONSTRAINT "maturity_checklists_cycle_id_wheel_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."wheel_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_checklists" ADD CONSTRAINT "maturity_checklists_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_checklists" ADD CONSTRAINT "maturity_checklists_updated_by_account_id_accounts_id_fk" FOREIGN KEY ("updated_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_survey_invitations" ADD CONSTRAINT "maturity_survey_invitations_round_id_maturity_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."maturity_survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_survey_invitations" ADD CONSTRAINT "maturity_survey_invitations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_survey_participations" ADD CONSTRAINT "maturity_survey_participations_round_id_maturity_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."maturity_survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_survey_participations" ADD CONSTRAINT "maturity_survey_participations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_survey_responses" ADD CONSTRAINT "maturity_survey_responses_round_id_maturity_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."maturity_survey_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "maturity_checklist_items_tenant" ON "maturity_checklist_items" USING btree ("tenant_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_checklists_unit" ON "maturity_checklists" USING btree ("tenant_id","cycle_id","unit_id");--> statement-breakpoint
CREATE INDEX "maturity_survey_invitations_tenant" ON "maturity_survey_invitations" USING btree ("tenant_id","round_id");--> statement-breakpoint
CREATE INDEX "maturity_survey_responses_round" ON "maturity_survey_responses" USING btree ("tenant_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_survey_rounds_tenant_year" ON "maturity_survey_rounds" USING btree ("tenant_id","year");