CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"source" text NOT NULL,
	"entered_by_user_id" text,
	"entered_by_name" text DEFAULT '' NOT NULL,
	"device_hash" text,
	"contact_email" text DEFAULT '' NOT NULL,
	"consent_version" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"action_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"one_answer_per_device" boolean DEFAULT true NOT NULL,
	"ask_contact" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"results_published_at" timestamp with time zone,
	"retention_months" integer DEFAULT 12 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"priority_area_id" uuid,
	"residents_reached" integer DEFAULT 0 NOT NULL,
	"ambassador_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"action_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"meeting_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassador_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"trainer" text DEFAULT '' NOT NULL,
	"attendee_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attendee_count" integer DEFAULT 0 NOT NULL,
	"action_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"meeting_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ambassadors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"priority_area_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"consent_version" text NOT NULL,
	"consent_on" date NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"retention_months" integer DEFAULT 12 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_log" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_activities" ADD CONSTRAINT "ambassador_activities_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_activities" ADD CONSTRAINT "ambassador_activities_priority_area_id_priority_areas_id_fk" FOREIGN KEY ("priority_area_id") REFERENCES "public"."priority_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_activities" ADD CONSTRAINT "ambassador_activities_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_trainings" ADD CONSTRAINT "ambassador_trainings_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassador_trainings" ADD CONSTRAINT "ambassador_trainings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassadors" ADD CONSTRAINT "ambassadors_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ambassadors" ADD CONSTRAINT "ambassadors_priority_area_id_priority_areas_id_fk" FOREIGN KEY ("priority_area_id") REFERENCES "public"."priority_areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_survey" ON "survey_answers" USING btree ("survey_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_answers_device" ON "survey_answers" USING btree ("survey_id","device_hash") WHERE device_hash is not null;--> statement-breakpoint
CREATE INDEX "surveys_contract" ON "surveys" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "ambassador_activities_contract" ON "ambassador_activities" USING btree ("contract_id","held_on");--> statement-breakpoint
CREATE INDEX "ambassador_trainings_contract" ON "ambassador_trainings" USING btree ("contract_id","held_on");--> statement-breakpoint
CREATE INDEX "ambassadors_contract" ON "ambassadors" USING btree ("contract_id");--> statement-breakpoint
-- Surveys and health ambassadors: every change is announced as its contract's (migration 0008).
CREATE TRIGGER "surveys_changes" AFTER INSERT OR UPDATE OR DELETE ON "surveys" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "surveys_truncated" AFTER TRUNCATE ON "surveys" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "survey_answers_changes" AFTER INSERT OR UPDATE OR DELETE ON "survey_answers" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "survey_answers_truncated" AFTER TRUNCATE ON "survey_answers" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "ambassadors_changes" AFTER INSERT OR UPDATE OR DELETE ON "ambassadors" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "ambassadors_truncated" AFTER TRUNCATE ON "ambassadors" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "ambassador_trainings_changes" AFTER INSERT OR UPDATE OR DELETE ON "ambassador_trainings" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "ambassador_trainings_truncated" AFTER TRUNCATE ON "ambassador_trainings" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "ambassador_activities_changes" AFTER INSERT OR UPDATE OR DELETE ON "ambassador_activities" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "ambassador_activities_truncated" AFTER TRUNCATE ON "ambassador_activities" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
