-- Packing (SPEC §2, §4, §9): the shipped bag kinds and the functions that do each scan in one
-- database round trip. Every function takes `p_ctx` (jsonb): user_id, username, role, area (the
-- user's own dispatch area, dispatchers only), station, ip (anonymised), request_id, now, tz.
-- Functions never raise for a rule: they answer {"error": CODE, "details": {...}} so that the
-- answer can be stored for idempotent replay. Bill rules (BILL_CLOSED, figures) use the bills
-- table of 0004 and tt_bill_recompute of 0005; PL/pgSQL resolves them when first called.

INSERT INTO bag_kinds (code, label, prefix, pattern, max_children, expected_kg) VALUES
  ('SB', 'SB (mustard)', 'SB', '^SB\d{5}$', 30, 30),
  ('M444', 'M444 (moong)', 'M44', '^M444-\d{5}$', 15, 15)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_err(p_code text, p_details jsonb DEFAULT '{}'::jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('error', p_code, 'details', p_details)
$$;
--> statement-breakpoint

-- Helpers that touch tables are PL/pgSQL, not SQL functions: PL/pgSQL keeps its plans between
-- calls, a SQL function with a FROM is planned again on every call (PostgreSQL 15).

-- Dashboard counter delta, sharded by station so concurrent scanners do not queue on one row.
CREATE OR REPLACE FUNCTION tt_bump(p_area text, p_metric text, p_shard int, p_delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counters (area, metric, shard, value)
  VALUES (coalesce(p_area, ''), p_metric, p_shard, p_delta)
  ON CONFLICT (area, metric, shard) DO UPDATE SET value = stats_counters.value + excluded.value;
END $$;
--> statement-breakpoint

-- Live events are collected in a transaction-local setting and handed back to the app with the
-- answer; the app publishes them after commit in batches (one NOTIFY per ~50 ms). A NOTIFY inside
-- every scan would serialise all commits on PostgreSQL's notification queue lock.
CREATE OR REPLACE FUNCTION tt_emit(p_event jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('tt.events',
    (coalesce(nullif(current_setting('tt.events', true), ''), '[]')::jsonb || jsonb_build_array(p_event))::text, true);
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_take_events() RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_events jsonb := coalesce(nullif(current_setting('tt.events', true), ''), '[]')::jsonb;
BEGIN
  PERFORM set_config('tt.events', '[]', true);
  RETURN v_events;
END $$;
--> statement-breakpoint

-- For the rare paths that change state outside the packing functions: NOTIFY what was emitted.
CREATE OR REPLACE FUNCTION tt_flush_events() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tt_events', jsonb_build_object('batch', tt_take_events())::text);
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_shard(p_ctx jsonb) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
  SELECT abs(hashtext(coalesce(p_ctx->>'station', p_ctx->>'user_id'))) % 8
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_audit(p_ctx jsonb, p_action text, p_entity_type text, p_entity_id text, p_after jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log (at, actor_id, actor_username, actor_role, action, entity_type, entity_id, after, ip, request_id)
  VALUES ((p_ctx->>'now')::timestamptz, (p_ctx->>'user_id')::int, p_ctx->>'username', p_ctx->>'role',
          p_action, p_entity_type, p_entity_id, p_after, p_ctx->>'ip', p_ctx->>'request_id');
END $$;
--> statement-breakpoint

-- Records an accepted scan and its dashboard buckets (local hour, 5-minute slot, station/day),
-- and tells every app instance (NOTIFY is delivered at commit).
CREATE OR REPLACE FUNCTION tt_record_scan(
  p_ctx jsonb, p_id bigint, p_kind text, p_qr text, p_bag_id bigint, p_target text, p_area text,
  p_created boolean, p_duplicate boolean, p_scan_id text
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_at timestamptz := (p_ctx->>'now')::timestamptz;
  v_local timestamp := v_at AT TIME ZONE (p_ctx->>'tz');
  v_shard int := tt_shard(p_ctx);
  v_area text := coalesce(p_area, '');
BEGIN
  INSERT INTO scans (id, at, user_id, station, kind, qr, bag_id, target_qr, dispatch_area, created, duplicate, scan_id)
  VALUES (p_id, v_at, (p_ctx->>'user_id')::int, p_ctx->>'station', p_kind, p_qr, p_bag_id, p_target, p_area,
          p_created, p_duplicate, p_scan_id);
  INSERT INTO stats_hourly (area, hour, shard, scans) VALUES (v_area, date_trunc('hour', v_local), v_shard, 1)
  ON CONFLICT (area, hour, shard) DO UPDATE SET scans = stats_hourly.scans + 1;
  INSERT INTO stats_recent (area, slot, shard, scans)
  VALUES (v_area, to_timestamp(floor(extract(epoch FROM v_at) / 300) * 300), v_shard, 1)
  ON CONFLICT (area, slot, shard) DO UPDATE SET scans = stats_recent.scans + 1;
  IF p_ctx->>'station' IS NOT NULL THEN
    INSERT INTO stats_stations (area, day, station, scans) VALUES (v_area, v_local::date, p_ctx->>'station', 1)
    ON CONFLICT (area, day, station) DO UPDATE SET scans = stats_stations.scans + 1;
  END IF;
  PERFORM tt_emit(jsonb_build_object(
    'type', 'scan', 'area', p_area, 'kind', p_kind, 'qr', p_qr, 'target', p_target,
    'duplicate', p_duplicate, 'user', p_ctx->>'username', 'station', p_ctx->>'station', 'at', v_at));
END $$;
--> statement-breakpoint

-- Idempotency: claims (user, endpoint, scanId). Answers NULL when claimed (go on), else the first
-- answer as {"replay": true, "result": ...}, or SCAN_ID_REUSED for another body. A concurrent copy
-- waits on the key until the first commits, then replays it.
CREATE OR REPLACE FUNCTION tt_idem_claim(p_ctx jsonb, p_endpoint text, p_scan_id text, p_hash text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_hash text;
  v_response jsonb;
BEGIN
  INSERT INTO scan_requests (user_id, endpoint, scan_id, body_hash, response, created_at)
  VALUES ((p_ctx->>'user_id')::int, p_endpoint, p_scan_id, p_hash, 'null'::jsonb, (p_ctx->>'now')::timestamptz)
  ON CONFLICT DO NOTHING;
  IF FOUND THEN
    RETURN NULL;
  END IF;
  SELECT body_hash, response INTO v_hash, v_response FROM scan_requests
  WHERE user_id = (p_ctx->>'user_id')::int AND endpoint = p_endpoint AND scan_id = p_scan_id;
  IF v_hash IS DISTINCT FROM p_hash THEN
    RETURN jsonb_build_object('replay', false, 'result', tt_err('SCAN_ID_REUSED', jsonb_build_object('scanId', p_scan_id)));
  END IF;
  RETURN jsonb_build_object('replay', true, 'result', v_response);
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_idem_store(p_ctx jsonb, p_endpoint text, p_scan_id text, p_result jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  UPDATE scan_requests SET response = p_result
  WHERE user_id = (p_ctx->>'user_id')::int AND endpoint = p_endpoint AND scan_id = p_scan_id;
  RETURN jsonb_build_object('replay', false, 'result', p_result, 'events', tt_take_events());
END $$;
--> statement-breakpoint

-- A bag as the API presents it (the presenter maps names), with its kind's capacity.
CREATE OR REPLACE FUNCTION tt_bag_json(p_id bigint) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT jsonb_build_object(
    'qr', b.qr, 'type', b.type, 'kind', b.kind, 'status', b.status, 'childCount', b.child_count,
    'weightKg', b.weight_kg, 'dispatchArea', b.dispatch_area, 'createdAt', b.created_at,
    'createdBy', u.username, 'maxChildren', k.max_children)
  FROM bags b
  LEFT JOIN users u ON u.id = b.created_by
  LEFT JOIN bag_kinds k ON k.code = b.kind
  WHERE b.id = p_id);
END $$;
--> statement-breakpoint

-- PARENT state (SPEC §4.1): open a known parent or create it. p_area: the area a new parent gets.
CREATE OR REPLACE FUNCTION tt_scan_parent(p_ctx jsonb, p_qr text, p_kind text, p_area text, p_scan_id text, p_hash text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_claim jsonb := tt_idem_claim(p_ctx, 'parent', p_scan_id, p_hash);
  v_bag bags%ROWTYPE;
  v_created boolean := false;
  v_now timestamptz := (p_ctx->>'now')::timestamptz;
  v_scan bigint;
BEGIN
  IF v_claim IS NOT NULL THEN
    RETURN v_claim;
  END IF;
  SELECT * INTO v_bag FROM bags WHERE qr = p_qr;
  IF NOT FOUND THEN
    INSERT INTO bags (qr, type, kind, status, dispatch_area, created_by, created_at, updated_at, touches)
    VALUES (p_qr, 'parent', p_kind, 'empty', p_area, (p_ctx->>'user_id')::int, v_now, v_now, 1)
    ON CONFLICT (qr) DO NOTHING
    RETURNING * INTO v_bag;
    v_created := FOUND;
    IF NOT v_created THEN
      SELECT * INTO v_bag FROM bags WHERE qr = p_qr;
    END IF;
  END IF;
  IF v_bag.type <> 'parent' THEN
    RETURN tt_idem_store(p_ctx, 'parent', p_scan_id,
      tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', p_qr, 'expected', 'parent', 'actual', v_bag.type)));
  END IF;
  IF p_ctx->>'role' = 'dispatcher' AND v_bag.dispatch_area IS DISTINCT FROM p_ctx->>'area' THEN
    RETURN tt_idem_store(p_ctx, 'parent', p_scan_id,
      tt_err('AREA_FORBIDDEN', jsonb_build_object('qr', p_qr, 'area', v_bag.dispatch_area)));
  END IF;
  IF NOT v_created THEN
    UPDATE bags SET touches = touches + 1 WHERE id = v_bag.id;
  ELSE
    PERFORM tt_bump(v_bag.dispatch_area, 'parents', tt_shard(p_ctx), 1);
    PERFORM tt_audit(p_ctx, 'bag.create', 'bag', p_qr,
      jsonb_build_object('type', 'parent', 'kind', p_kind, 'dispatchArea', p_area, 'scanId', p_scan_id));
  END IF;
  v_scan := nextval('scans_id_seq');
  PERFORM tt_record_scan(p_ctx, v_scan, 'parent', p_qr, v_bag.id, NULL, v_bag.dispatch_area, v_created, false, p_scan_id);
  RETURN tt_idem_store(p_ctx, 'parent', p_scan_id,
    jsonb_build_object('bag', tt_bag_json(v_bag.id), 'created', v_created));
END $$;
--> statement-breakpoint

-- CHILD state (SPEC §4.2), rules in the spec's order; the parent row lock serialises packing into
-- one parent (the last slot has one winner) and the conditional UPDATE of the child gives one
-- winner to parents racing for the same child.
CREATE OR REPLACE FUNCTION tt_scan_child(p_ctx jsonb, p_parent_qr text, p_qr text, p_scan_id text, p_hash text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_claim jsonb := tt_idem_claim(p_ctx, 'child', p_scan_id, p_hash);
  v_parent bags%ROWTYPE;
  v_child bags%ROWTYPE;
  v_max int;
  v_now timestamptz := (p_ctx->>'now')::timestamptz;
  v_user int := (p_ctx->>'user_id')::int;
  v_scan bigint := nextval('scans_id_seq');
  v_created boolean := false;
  v_count int;
  v_result jsonb;
  v_bill_status text;
  v_bill_no text;
BEGIN
  IF v_claim IS NOT NULL THEN
    RETURN v_claim;
  END IF;
  SELECT * INTO v_parent FROM bags WHERE qr = p_parent_qr FOR UPDATE;
  IF NOT FOUND THEN
    RETURN tt_idem_store(p_ctx, 'child', p_scan_id, tt_err('BAG_NOT_FOUND', jsonb_build_object('qr', p_parent_qr)));
  END IF;
  IF v_parent.type <> 'parent' THEN
    RETURN tt_idem_store(p_ctx, 'child', p_scan_id,
      tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', p_parent_qr, 'expected', 'parent', 'actual', 'child')));
  END IF;
  IF p_ctx->>'role' = 'dispatcher' AND v_parent.dispatch_area IS DISTINCT FROM p_ctx->>'area' THEN
    RETURN tt_idem_store(p_ctx, 'child', p_scan_id,
      tt_err('AREA_FORBIDDEN', jsonb_build_object('qr', p_parent_qr, 'area', v_parent.dispatch_area)));
  END IF;
  SELECT max_children INTO v_max FROM bag_kinds WHERE code = v_parent.kind;

  SELECT * INTO v_child FROM bags WHERE qr = p_qr;
  IF FOUND AND v_child.type <> 'child' THEN
    RETURN tt_idem_store(p_ctx, 'child', p_scan_id,
      tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', p_qr, 'expected', 'child', 'actual', 'parent')));
  END IF;
  IF FOUND AND v_child.parent_id = v_parent.id THEN
    UPDATE bags SET touches = touches + 1 WHERE id = v_child.id;
    PERFORM tt_record_scan(p_ctx, v_scan, 'child', p_qr, v_child.id, p_parent_qr, v_child.dispatch_area, false, true, p_scan_id);
    RETURN tt_idem_store(p_ctx, 'child', p_scan_id, jsonb_build_object(
      'child', tt_bag_json(v_child.id), 'parent', tt_bag_json(v_parent.id), 'created', false, 'duplicate', true));
  END IF;
  IF FOUND AND v_child.parent_id IS NOT NULL THEN
    RETURN tt_idem_store(p_ctx, 'child', p_scan_id, tt_err('CHILD_IN_OTHER_PARENT', jsonb_build_object(
      'qr', p_qr, 'parent', (SELECT qr FROM bags WHERE id = v_child.parent_id))));
  END IF;
  IF v_parent.child_count >= v_max THEN
    RETURN tt_idem_store(p_ctx, 'child', p_scan_id,
      tt_err('PARENT_FULL', jsonb_build_object('parent', p_parent_qr, 'maxChildren', v_max)));
  END IF;
  IF v_parent.bill_id IS NOT NULL THEN
    -- Lock order everywhere: parent, then bill.
    SELECT status, bill_no INTO v_bill_status, v_bill_no FROM bills WHERE id = v_parent.bill_id FOR UPDATE;
    IF v_bill_status = 'completed' THEN
      RETURN tt_idem_store(p_ctx, 'child', p_scan_id,
        tt_err('BILL_CLOSED', jsonb_build_object('parent', p_parent_qr, 'bill', v_bill_no)));
    END IF;
  END IF;

  IF v_child.id IS NULL THEN
    INSERT INTO bags (qr, type, weight_kg, dispatch_area, parent_id, linked_at, linked_by, link_scan_id,
                      created_scan_id, touches, created_by, created_at, updated_at)
    VALUES (p_qr, 'child', 1, v_parent.dispatch_area, v_parent.id, v_now, v_user, v_scan, v_scan, 1, v_user, v_now, v_now)
    ON CONFLICT (qr) DO NOTHING
    RETURNING * INTO v_child;
    v_created := FOUND;
  ELSE
    UPDATE bags SET parent_id = v_parent.id, linked_at = v_now, linked_by = v_user, link_scan_id = v_scan,
                    touches = touches + 1, updated_at = v_now
    WHERE id = v_child.id AND parent_id IS NULL
    RETURNING * INTO v_child;
    IF FOUND THEN
      PERFORM tt_bump(v_child.dispatch_area, 'unlinked_children', tt_shard(p_ctx), -1);
    END IF;
  END IF;
  IF v_child.id IS NULL OR v_child.parent_id IS DISTINCT FROM v_parent.id THEN
    -- Lost a race: another parent took (or created) this child first.
    SELECT * INTO v_child FROM bags WHERE qr = p_qr;
    IF v_child.type <> 'child' THEN
      RETURN tt_idem_store(p_ctx, 'child', p_scan_id,
        tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', p_qr, 'expected', 'child', 'actual', 'parent')));
    END IF;
    RETURN tt_idem_store(p_ctx, 'child', p_scan_id, tt_err('CHILD_IN_OTHER_PARENT', jsonb_build_object(
      'qr', p_qr, 'parent', (SELECT qr FROM bags WHERE id = v_child.parent_id))));
  END IF;
  IF v_created THEN
    PERFORM tt_bump(v_child.dispatch_area, 'children', tt_shard(p_ctx), 1);
  END IF;

  v_count := v_parent.child_count + 1;
  UPDATE bags SET child_count = v_count, weight_kg = v_count,
                  status = CASE WHEN v_count >= v_max THEN 'complete' ELSE 'in_progress' END,
                  touches = touches + 1, updated_at = v_now
  WHERE id = v_parent.id;
  INSERT INTO link_events (at, action, child_id, child_qr, parent_id, parent_qr, user_id, reason)
  VALUES (v_now, 'link', v_child.id, p_qr, v_parent.id, p_parent_qr, v_user, 'scan');
  IF v_parent.bill_id IS NOT NULL THEN
    PERFORM tt_bill_recompute(p_ctx, v_parent.bill_id);
  END IF;
  PERFORM tt_record_scan(p_ctx, v_scan, 'child', p_qr, v_child.id, p_parent_qr, v_child.dispatch_area, v_created, false, p_scan_id);
  PERFORM tt_audit(p_ctx, 'bag.link', 'bag', p_qr,
    jsonb_build_object('parent', p_parent_qr, 'created', v_created, 'childCount', v_count, 'scanId', p_scan_id));
  PERFORM tt_emit(jsonb_build_object('type', 'link', 'area', v_parent.dispatch_area,
    'parent', p_parent_qr, 'child', p_qr, 'childCount', v_count, 'maxChildren', v_max));
  v_result := jsonb_build_object('child', tt_bag_json(v_child.id), 'parent', tt_bag_json(v_parent.id),
    'created', v_created, 'duplicate', false);
  RETURN tt_idem_store(p_ctx, 'child', p_scan_id, v_result);
END $$;
--> statement-breakpoint

-- Undo last (SPEC §4.4): the user's most recent link on this parent within the window.
CREATE OR REPLACE FUNCTION tt_undo(p_ctx jsonb, p_parent_qr text, p_window_minutes int, p_scan_id text, p_hash text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_claim jsonb;
  v_parent bags%ROWTYPE;
  v_child bags%ROWTYPE;
  v_now timestamptz := (p_ctx->>'now')::timestamptz;
  v_user int := (p_ctx->>'user_id')::int;
  v_deleted boolean;
  v_count int;
  v_result jsonb;
  v_bill_status text;
  v_bill_no text;
BEGIN
  IF p_scan_id IS NOT NULL THEN
    v_claim := tt_idem_claim(p_ctx, 'undo', p_scan_id, p_hash);
    IF v_claim IS NOT NULL THEN
      RETURN v_claim;
    END IF;
  END IF;
  SELECT * INTO v_parent FROM bags WHERE qr = p_parent_qr FOR UPDATE;
  IF NOT FOUND THEN
    v_result := tt_err('BAG_NOT_FOUND', jsonb_build_object('qr', p_parent_qr));
  ELSIF v_parent.type <> 'parent' THEN
    v_result := tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', p_parent_qr, 'expected', 'parent', 'actual', 'child'));
  ELSIF p_ctx->>'role' = 'dispatcher' AND v_parent.dispatch_area IS DISTINCT FROM p_ctx->>'area' THEN
    v_result := tt_err('AREA_FORBIDDEN', jsonb_build_object('qr', p_parent_qr, 'area', v_parent.dispatch_area));
  ELSE
    SELECT * INTO v_child FROM bags WHERE parent_id = v_parent.id AND linked_by = v_user
    ORDER BY linked_at DESC, id DESC LIMIT 1 FOR UPDATE;
    IF NOT FOUND THEN
      v_result := tt_err('NOTHING_TO_UNDO', jsonb_build_object('parent', p_parent_qr));
    ELSIF v_child.linked_at < v_now - make_interval(mins => p_window_minutes) THEN
      v_result := tt_err('UNDO_WINDOW_PASSED', jsonb_build_object(
        'parent', p_parent_qr, 'child', v_child.qr, 'linkedAt', v_child.linked_at, 'windowMinutes', p_window_minutes));
    ELSIF v_parent.bill_id IS NOT NULL THEN
      SELECT status, bill_no INTO v_bill_status, v_bill_no FROM bills WHERE id = v_parent.bill_id FOR UPDATE;
      IF v_bill_status = 'completed' THEN
        v_result := tt_err('BILL_CLOSED', jsonb_build_object('parent', p_parent_qr, 'bill', v_bill_no));
      END IF;
    END IF;
  END IF;
  IF v_result IS NOT NULL THEN
    IF p_scan_id IS NULL THEN
      RETURN jsonb_build_object('replay', false, 'result', v_result, 'events', '[]'::jsonb);
    END IF;
    RETURN tt_idem_store(p_ctx, 'undo', p_scan_id, v_result);
  END IF;

  -- Delete the child only if the undone scan created it and nothing else ever touched it.
  v_deleted := v_child.created_scan_id = v_child.link_scan_id AND v_child.touches = 1;
  IF v_deleted THEN
    DELETE FROM bags WHERE id = v_child.id;
    PERFORM tt_bump(v_child.dispatch_area, 'children', tt_shard(p_ctx), -1);
  ELSE
    UPDATE bags SET parent_id = NULL, linked_at = NULL, linked_by = NULL, link_scan_id = NULL, updated_at = v_now
    WHERE id = v_child.id;
    PERFORM tt_bump(v_child.dispatch_area, 'unlinked_children', tt_shard(p_ctx), 1);
  END IF;
  v_count := v_parent.child_count - 1;
  UPDATE bags SET child_count = v_count, weight_kg = v_count,
                  status = CASE WHEN v_count = 0 THEN 'empty' ELSE 'in_progress' END, updated_at = v_now
  WHERE id = v_parent.id;
  INSERT INTO link_events (at, action, child_id, child_qr, parent_id, parent_qr, user_id, reason)
  VALUES (v_now, 'unlink', v_child.id, v_child.qr, v_parent.id, p_parent_qr, v_user, 'undo');
  IF v_parent.bill_id IS NOT NULL THEN
    PERFORM tt_bill_recompute(p_ctx, v_parent.bill_id);
  END IF;
  PERFORM tt_audit(p_ctx, 'bag.undo', 'bag', v_child.qr, jsonb_build_object(
    'parent', p_parent_qr, 'childDeleted', v_deleted, 'childCount', v_count, 'scanId', p_scan_id));
  PERFORM tt_emit(jsonb_build_object('type', 'unlink', 'area', v_parent.dispatch_area,
    'parent', p_parent_qr, 'child', v_child.qr, 'childCount', v_count));
  v_result := jsonb_build_object('removed', v_child.qr, 'childDeleted', v_deleted, 'parent', tt_bag_json(v_parent.id));
  IF p_scan_id IS NULL THEN
    RETURN jsonb_build_object('replay', false, 'result', v_result, 'events', tt_take_events());
  END IF;
  RETURN tt_idem_store(p_ctx, 'undo', p_scan_id, v_result);
END $$;
