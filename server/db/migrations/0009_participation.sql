CREATE TABLE "consent_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"workshop_id" uuid,
	"registration_id" uuid,
	"purpose" text NOT NULL,
	"consent_version" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"status" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"contact_way" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"partner_name" text DEFAULT '' NOT NULL,
	"commune_insee" text NOT NULL,
	"qpv" text NOT NULL,
	"age_band" text NOT NULL,
	"gender" text NOT NULL,
	"category" text,
	"household" text DEFAULT '' NOT NULL,
	"session_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attended_session_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	"dietary_needs" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"registered_by_user_id" text,
	"cancel_token_hash" text NOT NULL,
	"device_hash" text,
	"sequence" integer NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"table_index" integer NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	CONSTRAINT "seats_session_registration" UNIQUE("session_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "syntheses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"session_id" uuid,
	"table_index" integer,
	"text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "syntheses_place" UNIQUE NULLS NOT DISTINCT("topic_id","session_id","table_index")
);
--> statement-breakpoint
CREATE TABLE "workshop_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"round_minutes" integer DEFAULT 25 NOT NULL,
	"meeting_id" uuid
);
--> statement-breakpoint
CREATE TABLE "workshop_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"action_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"max_per_table" integer NOT NULL,
	"table_count" integer NOT NULL,
	"meal" boolean DEFAULT false NOT NULL,
	"deadline" date NOT NULL,
	"call_published_at" timestamp with time zone,
	"moderators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retention_months" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "resident" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_log" ADD CONSTRAINT "consent_log_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_log" ADD CONSTRAINT "consent_log_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_log" ADD CONSTRAINT "consent_log_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "syntheses" ADD CONSTRAINT "syntheses_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "syntheses" ADD CONSTRAINT "syntheses_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "syntheses" ADD CONSTRAINT "syntheses_topic_id_workshop_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."workshop_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "syntheses" ADD CONSTRAINT "syntheses_session_id_workshop_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."workshop_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_sessions" ADD CONSTRAINT "workshop_sessions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_sessions" ADD CONSTRAINT "workshop_sessions_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_sessions" ADD CONSTRAINT "workshop_sessions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_topics" ADD CONSTRAINT "workshop_topics_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_topics" ADD CONSTRAINT "workshop_topics_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_log_contract" ON "consent_log" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "registrations_workshop" ON "registrations" USING btree ("workshop_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_cancel_token" ON "registrations" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE INDEX "syntheses_workshop" ON "syntheses" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "workshop_sessions_workshop" ON "workshop_sessions" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "workshop_topics_workshop" ON "workshop_topics" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "workshops_contract" ON "workshops" USING btree ("contract_id");--> statement-breakpoint
-- Residents' participation: every change is announced as its contract's (migration 0008).
CREATE TRIGGER "workshops_changes" AFTER INSERT OR UPDATE OR DELETE ON "workshops" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "workshops_truncated" AFTER TRUNCATE ON "workshops" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "workshop_topics_changes" AFTER INSERT OR UPDATE OR DELETE ON "workshop_topics" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "workshop_topics_truncated" AFTER TRUNCATE ON "workshop_topics" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "workshop_sessions_changes" AFTER INSERT OR UPDATE OR DELETE ON "workshop_sessions" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "workshop_sessions_truncated" AFTER TRUNCATE ON "workshop_sessions" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "registrations_changes" AFTER INSERT OR UPDATE OR DELETE ON "registrations" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "registrations_truncated" AFTER TRUNCATE ON "registrations" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "consent_log_changes" AFTER INSERT OR UPDATE OR DELETE ON "consent_log" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "consent_log_truncated" AFTER TRUNCATE ON "consent_log" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "seats_changes" AFTER INSERT OR UPDATE OR DELETE ON "seats" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "seats_truncated" AFTER TRUNCATE ON "seats" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
--> statement-breakpoint
CREATE TRIGGER "syntheses_changes" AFTER INSERT OR UPDATE OR DELETE ON "syntheses" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');
--> statement-breakpoint
CREATE TRIGGER "syntheses_truncated" AFTER TRUNCATE ON "syntheses" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
