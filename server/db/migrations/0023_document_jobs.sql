CREATE TABLE "document_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner" text NOT NULL,
	"requester" jsonb NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"label" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"step" text NOT NULL,
	"file_name" text,
	"media_type" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "document_jobs_owner_created_at" ON "document_jobs" USING btree ("owner","created_at");--> statement-breakpoint
CREATE INDEX "document_jobs_ended_at" ON "document_jobs" USING btree ("ended_at");