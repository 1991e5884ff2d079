CREATE INDEX "bags_area_id_idx" ON "bags" USING btree ("dispatch_area","id");--> statement-breakpoint
CREATE INDEX "bags_status_id_idx" ON "bags" USING btree ("status","id") WHERE "bags"."type" = 'parent';--> statement-breakpoint
CREATE INDEX "bags_qr_prefix_idx" ON "bags" USING btree ("qr" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "scans_target_idx" ON "scans" USING btree ("target_qr","id");--> statement-breakpoint
CREATE INDEX "stats_hourly_hour_idx" ON "stats_hourly" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "stats_recent_slot_idx" ON "stats_recent" USING btree ("slot");