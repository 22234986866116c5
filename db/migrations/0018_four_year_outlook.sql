CREATE TABLE "competence_plan_outlook" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"competence_area_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"planned_cost_nok" bigint NOT NULL,
	"people_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mapping_needs" ADD COLUMN "year" integer;--> statement-breakpoint
-- Existing needs get the year of the 4-year outlook they mean: a short-term need the cycle's
-- year, a long-term need the year after (the form's default). The owner running the migration
-- is subject to the forced RLS, so it is lifted for this one statement.
ALTER TABLE "mapping_needs" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "mapping_needs" n SET "year" = c."year" + (CASE WHEN n."term" = 'long' THEN 1 ELSE 0 END) FROM "mapping_forms" f JOIN "wheel_cycles" c ON c."id" = f."cycle_id" WHERE f."id" = n."form_id";--> statement-breakpoint
ALTER TABLE "mapping_needs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mapping_needs" ALTER COLUMN "year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "competence_plan_outlook" ADD CONSTRAINT "competence_plan_outlook_plan_id_competence_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."competence_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_plan_outlook" ADD CONSTRAINT "competence_plan_outlook_competence_area_id_competence_areas_id_fk" FOREIGN KEY ("competence_area_id") REFERENCES "public"."competence_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competence_plan_outlook_plan_area_year" ON "competence_plan_outlook" USING btree ("tenant_id","plan_id","competence_area_id","year");