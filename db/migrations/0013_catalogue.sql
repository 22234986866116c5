CREATE TABLE "catalogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"half" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"shared_with_region" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_account_id" uuid,
	"decided_at" timestamp with time zone,
	"attended" boolean,
	"report_back_date" date,
	"report_back_how" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rating" integer NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"account_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"learned" text NOT NULL,
	"usefulness" integer NOT NULL,
	"sharing" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_needs" (
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "measure_needs_measure_id_need_id_pk" PRIMARY KEY("measure_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"provider_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"place" text DEFAULT '' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"cost_nok" integer DEFAULT 0 NOT NULL,
	"substitute_cost_nok" integer DEFAULT 0 NOT NULL,
	"target_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"competence_area_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"organiser_account_id" uuid,
	"ordering" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"unit_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_decided_by_account_id_accounts_id_fk" FOREIGN KEY ("decided_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evaluations" ADD CONSTRAINT "measure_evaluations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evaluations" ADD CONSTRAINT "measure_evaluations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evaluations" ADD CONSTRAINT "measure_evaluations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_feedback" ADD CONSTRAINT "measure_feedback_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_feedback" ADD CONSTRAINT "measure_feedback_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_needs" ADD CONSTRAINT "measure_needs_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_needs" ADD CONSTRAINT "measure_needs_need_id_mapping_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."mapping_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_catalogue_id_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_competence_area_id_competence_areas_id_fk" FOREIGN KEY ("competence_area_id") REFERENCES "public"."competence_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_organiser_account_id_accounts_id_fk" FOREIGN KEY ("organiser_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogues_tenant_half" ON "catalogues" USING btree ("tenant_id","year","half");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_live" ON "enrolments" USING btree ("tenant_id","measure_id","person_id") WHERE status in ('requested', 'approved', 'waiting');--> statement-breakpoint
CREATE INDEX "enrolments_tenant_measure" ON "enrolments" USING btree ("tenant_id","measure_id","requested_at");--> statement-breakpoint
CREATE INDEX "enrolments_tenant_unit" ON "enrolments" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_evaluations_once" ON "measure_evaluations" USING btree ("tenant_id","measure_id","unit_id","year");--> statement-breakpoint
CREATE INDEX "measure_evaluations_tenant_unit_year" ON "measure_evaluations" USING btree ("tenant_id","unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_feedback_enrolment" ON "measure_feedback" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "measure_feedback_tenant_measure" ON "measure_feedback" USING btree ("tenant_id","measure_id");--> statement-breakpoint
CREATE INDEX "measure_needs_tenant_need" ON "measure_needs" USING btree ("tenant_id","need_id");--> statement-breakpoint
CREATE INDEX "measures_tenant_catalogue" ON "measures" USING btree ("tenant_id","catalogue_id","start_date");--> statement-breakpoint
CREATE INDEX "measures_tenant_provider" ON "measures" USING btree ("tenant_id","provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_tenant_name" ON "providers" USING btree ("tenant_id",lower("name"));