-- Fewer writes per scan (measured with bench/link-cost.ts): link_events_at_idx had no reader (history
-- reads by child or parent code), bags_kind_id_idx only needs parents, and the scanId record is
-- written once instead of claimed and then updated.
DROP INDEX "link_events_at_idx";--> statement-breakpoint
DROP INDEX "bags_kind_id_idx";--> statement-breakpoint
CREATE INDEX "bags_kind_id_idx" ON "bags" USING btree ("kind","id") WHERE "bags"."kind" is not null;--> statement-breakpoint

-- Idempotency without a second write (replaces 0002's claim-then-update): the key is claimed
-- with a transaction-scoped advisory lock, and the answer is inserted once, at the end, by
-- tt_idem_store. A concurrent copy of the same scanId waits on the lock until the first commits
-- (or rolls back), then finds its row and replays it. One row version per scan instead of two:
-- no dead tuple for vacuum, no speculative insertion, less WAL. A hash collision between two
-- keys only makes two unrelated scans wait for each other.
CREATE OR REPLACE FUNCTION tt_idem_claim(p_ctx jsonb, p_endpoint text, p_scan_id text, p_hash text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_user int := (p_ctx->>'user_id')::int;
  v_hash text;
  v_response jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(v_user || '/' || p_endpoint || '/' || p_scan_id, 7));
  SELECT body_hash, response INTO v_hash, v_response FROM scan_requests
  WHERE user_id = v_user AND endpoint = p_endpoint AND scan_id = p_scan_id;
  IF NOT FOUND THEN
    PERFORM set_config('tt.idem_hash', p_hash, true);
    RETURN NULL;
  END IF;
  IF v_hash IS DISTINCT FROM p_hash THEN
    RETURN jsonb_build_object('replay', false, 'result', tt_err('SCAN_ID_REUSED', jsonb_build_object('scanId', p_scan_id)));
  END IF;
  RETURN jsonb_build_object('replay', true, 'result', v_response);
END $$;
--> statement-breakpoint

-- Stores the first answer of a claimed key. The body hash comes from tt_idem_claim through a
-- transaction-local setting, so that every caller in 0002 and 0005 stays as it is.
CREATE OR REPLACE FUNCTION tt_idem_store(p_ctx jsonb, p_endpoint text, p_scan_id text, p_result jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO scan_requests (user_id, endpoint, scan_id, body_hash, response, created_at)
  VALUES ((p_ctx->>'user_id')::int, p_endpoint, p_scan_id, current_setting('tt.idem_hash', true), p_result,
          (p_ctx->>'now')::timestamptz);
  RETURN jsonb_build_object('replay', false, 'result', p_result, 'events', tt_take_events());
END $$;
