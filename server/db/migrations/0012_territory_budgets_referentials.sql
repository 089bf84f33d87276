CREATE TABLE "action_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" integer NOT NULL,
	"funder_id" uuid NOT NULL,
	"status" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regional_referentials" (
	"region_code" text PRIMARY KEY NOT NULL,
	"ars_name" text NOT NULL,
	"template_wording" text DEFAULT '' NOT NULL,
	"prs_name" text DEFAULT '' NOT NULL,
	"prs_edition" text DEFAULT '' NOT NULL,
	"prs_projects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"regional_plans" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "determinants" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "milestone_reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD COLUMN "published_reviews" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "action_budgets" ADD CONSTRAINT "action_budgets_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_budgets" ADD CONSTRAINT "action_budgets_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_budgets" ADD CONSTRAINT "action_budgets_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reminders" ADD CONSTRAINT "milestone_reminders_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reminders" ADD CONSTRAINT "milestone_reminders_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reminders" ADD CONSTRAINT "milestone_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_budgets_action" ON "action_budgets" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "action_budgets_contract" ON "action_budgets" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_reminders_once" ON "milestone_reminders" USING btree ("milestone_id","user_id","due_on");--> statement-breakpoint
UPDATE "actions" SET "determinants" = CASE WHEN "determinant" IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(CASE "determinant" WHEN 'Facteurs psychosociaux' THEN 'Facteurs psychosociaux et environnement social' WHEN 'Comportements' THEN 'Facteurs comportementaux (style de vie)' ELSE "determinant" END) END;--> statement-breakpoint
CREATE TRIGGER "action_budgets_changes" AFTER INSERT OR UPDATE OR DELETE ON "action_budgets" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');--> statement-breakpoint
CREATE TRIGGER "action_budgets_truncated" AFTER TRUNCATE ON "action_budgets" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
