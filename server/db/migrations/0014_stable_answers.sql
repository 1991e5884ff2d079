-- tt_bag_answer (0012) and tt_err (0002) were declared IMMUTABLE, but their bodies call
-- jsonb_build_object, which is STABLE: a timestamptz (a bag's createdAt) becomes JSON text in the
-- session's TimeZone. The planner never inlines an SQL function whose body is less immutable than
-- its declaration, so every call ran as its own small query (fmgr_sql: an executor start and end
-- per call): twice per child scan in tt_scan_children (the parent read, the new child's answer)
-- and once per bag in tt_bag_json. Declared STABLE, as they are, the planner inlines them into the
-- calling expression. Same bodies, same answers.
-- bench/link-cost.ts (one connection, lone scans, 3 × 3,000, two runs alternated): backend CPU
-- per scan 823 / 737 → 660 / 617 µs in the last rounds. perf, HTTP packing at 100 connections:
-- fmgr_sql 5.3 % of PostgreSQL's CPU, gone after. psql, one batch of 32 new children, 30 calls:
-- median 1.63–2.38 → 1.39–1.43 ms (BENCHMARKS.md "Packing answers inlined").
ALTER FUNCTION tt_bag_answer(bags, text, int) STABLE;--> statement-breakpoint
ALTER FUNCTION tt_err(text, jsonb) STABLE;
