DROP INDEX "indicator_measurements_action";--> statement-breakpoint
CREATE INDEX "indicator_measurements_action" ON "indicator_measurements" USING btree ("action_id","created_at");