CREATE INDEX "actions_merged_into" ON "actions" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "communes_department" ON "communes" USING btree ((case when insee_code like '97%' then left(insee_code, 3) else left(insee_code, 2) end));--> statement-breakpoint
CREATE INDEX "comments_contract" ON "comments" USING btree ("contract_id","created_at");