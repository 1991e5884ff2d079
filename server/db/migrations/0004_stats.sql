-- Dashboard reads across every area (admins, billers: GET /api/stats) range over time, not area:
-- the primary keys lead with area, so these keep "today" and "the last hour" index ranges as the
-- tables grow (stats_hourly is never pruned; stats_recent is pruned, and the prune uses this too).
CREATE INDEX IF NOT EXISTS "stats_hourly_hour_idx" ON "stats_hourly" USING btree ("hour");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "stats_recent_slot_idx" ON "stats_recent" USING btree ("slot");
