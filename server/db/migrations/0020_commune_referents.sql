CREATE TABLE "commune_referents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" text,
	"organisation_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"named_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commune_relays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"review_id" uuid,
	"review_number" integer,
	"subject" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"failed" boolean DEFAULT false NOT NULL,
	"sent_by_name" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune_referents" ADD CONSTRAINT "commune_referents_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_referents" ADD CONSTRAINT "commune_referents_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_referents" ADD CONSTRAINT "commune_referents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_referents" ADD CONSTRAINT "commune_referents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_relays" ADD CONSTRAINT "commune_relays_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_relays" ADD CONSTRAINT "commune_relays_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_relays" ADD CONSTRAINT "commune_relays_review_id_quarterly_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."quarterly_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_links" ADD CONSTRAINT "review_links_review_id_quarterly_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."quarterly_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commune_referents_commune_role" ON "commune_referents" USING btree ("commune_id","role");--> statement-breakpoint
CREATE INDEX "commune_referents_contract" ON "commune_referents" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "commune_relays_contract" ON "commune_relays" USING btree ("contract_id","sent_at");--> statement-breakpoint
CREATE INDEX "commune_relays_review" ON "commune_relays" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_links_token" ON "review_links" USING btree ("token_hash");--> statement-breakpoint
CREATE TRIGGER "commune_referents_changes" AFTER INSERT OR UPDATE OR DELETE ON "commune_referents" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');--> statement-breakpoint
CREATE TRIGGER "commune_referents_truncated" AFTER TRUNCATE ON "commune_referents" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();--> statement-breakpoint
CREATE TRIGGER "commune_relays_changes" AFTER INSERT OR UPDATE OR DELETE ON "commune_relays" FOR EACH ROW EXECUTE FUNCTION cles_notify_change('contract');--> statement-breakpoint
CREATE TRIGGER "commune_relays_truncated" AFTER TRUNCATE ON "commune_relays" FOR EACH STATEMENT EXECUTE FUNCTION cles_notify_truncate();
