-- Child scan batches worked as sets (ADR 0007). 0011's tt_scan_children ran tt_scan_child once
-- per scan, about fifteen statements each. This one reads what the batch needs in five
-- statements, applies the rules of SPEC §4.2 to each scan in turn in memory (the same rules in
-- the same order as tt_scan_child, giving the same answers), then writes each table once. A
-- batch that finds the world changed under it (a child created or linked by another transaction
-- after the batch read it) or that scans one code both as a parent and as a child raises TT001
-- and writes nothing; the app then runs each of its scans alone through tt_scan_child.

-- A bag as tt_bag_json answers it, from a row in hand.
CREATE OR REPLACE FUNCTION tt_bag_answer(b bags, p_created_by text, p_max int) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'qr', b.qr, 'type', b.type, 'kind', b.kind, 'status', b.status, 'childCount', b.child_count,
    'weightKg', b.weight_kg, 'dispatchArea', b.dispatch_area, 'createdAt', b.created_at,
    'createdBy', p_created_by, 'maxChildren', p_max)
$$;
--> statement-breakpoint

-- A scan the batch accepted (a link or a duplicate): c and p index the batch's child and parent
-- arrays; child_count is NULL for a duplicate.
CREATE TYPE tt_batch_scan AS (
  n int, seq bigint, c int, p int, child_count int, created boolean, area text,
  at timestamptz, local timestamp, ctx jsonb, scan_id text
);
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_scan_children(p_shard int, p_lock_timeout text, p_scans json)
RETURNS TABLE(n int, r jsonb) LANGUAGE plpgsql AS $$
DECLARE
  v_lock_timeout text := current_setting('lock_timeout');
  v_scans jsonb := p_scans::jsonb;
  v_total int;
  v_answers jsonb[];
  v_fresh boolean[];        -- answered here for the first time: kept in scan_requests
  v_stored jsonb;           -- 'user/scanId' → {hash, response} kept before this batch
  v_keys text[] := '{}';    -- 'user/scanId' answered in this batch, with its hash and result
  v_key_hash text[] := '{}';
  v_key_result jsonb[] := '{}';
  v_users jsonb;            -- user id → username (creator of the children the batch creates)
  -- The batch's parents (locked), by code: fixed facts, then what the batch changes.
  pc text[]; p_id bigint[]; p_type text[]; p_area text[]; p_max int[]; p_bill boolean[]; p_j jsonb[];
  p_count int[]; p_touch int[]; p_now timestamptz[];
  -- The batch's children, by code: read, or created here (c_new).
  cc text[]; c_id bigint[]; c_type text[]; c_area text[]; c_j jsonb[]; c_parent bigint[]; c_parent_qr text[];
  c_new boolean[]; c_touch int[]; c_link_at timestamptz[]; c_link_by int[]; c_link_scan bigint[];
  v_accepted tt_batch_scan[] := '{}';
  v_new_codes text[]; v_new_ids bigint[]; v_expected int; v_written int;
  v_scan jsonb; v_ctx jsonb; v_pq text; v_cq text; v_key text; v_k int; p int; c int;
  v_now timestamptz; v_user int; v_seq bigint; v_count int; v_result jsonb; v_events jsonb; v_scan_event jsonb;
BEGIN
  v_total := jsonb_array_length(v_scans);
  v_answers := array_fill(NULL::jsonb, ARRAY[v_total]);
  v_fresh := array_fill(false, ARRAY[v_total]);
  PERFORM set_config('lock_timeout', p_lock_timeout, true);
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(v_scans) a JOIN jsonb_array_elements(v_scans) b
             ON a->>'qr' = b->>'parentQr') THEN
    RAISE EXCEPTION 'a code is scanned in this batch both as a parent and as a child' USING ERRCODE = 'TT001';
  END IF;

  -- Reads, in the order a single scan takes its locks: scanId keys, then parents, then children.
  PERFORM pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT hashtextextended((s->'ctx'->>'user_id') || '/child/' || (s->>'scanId'), 7) AS k
    FROM jsonb_array_elements(v_scans) s ORDER BY 1) keys;
  SELECT coalesce(jsonb_object_agg(q.user_id || '/' || q.scan_id,
                                   jsonb_build_object('hash', q.body_hash, 'response', q.response)), '{}')
  INTO v_stored FROM scan_requests q
  WHERE q.endpoint = 'child'
    AND (q.user_id, q.scan_id) IN (SELECT (s->'ctx'->>'user_id')::int, s->>'scanId' FROM jsonb_array_elements(v_scans) s);
  SELECT coalesce(array_agg(x.qr), '{}'), array_agg(x.id), array_agg(x.type), array_agg(x.dispatch_area),
         array_agg(x.max_children), array_agg(x.bill_id IS NOT NULL), array_agg(x.j), array_agg(x.child_count)
  INTO pc, p_id, p_type, p_area, p_max, p_bill, p_j, p_count
  FROM (SELECT b.qr, b.id, b.type, b.dispatch_area, k.max_children, b.bill_id, b.child_count,
               tt_bag_answer(b, u.username, k.max_children) AS j
        FROM bags b LEFT JOIN users u ON u.id = b.created_by LEFT JOIN bag_kinds k ON k.code = b.kind
        WHERE b.qr IN (SELECT s->>'parentQr' FROM jsonb_array_elements(v_scans) s)
        ORDER BY b.qr FOR UPDATE OF b) x;
  p_touch := array_fill(0, ARRAY[cardinality(pc)]);
  p_now := array_fill(NULL::timestamptz, ARRAY[cardinality(pc)]);
  SELECT coalesce(array_agg(x.qr), '{}'), array_agg(x.id), array_agg(x.type), array_agg(x.dispatch_area),
         array_agg(x.j), array_agg(x.parent_id), array_agg(x.parent_qr)
  INTO cc, c_id, c_type, c_area, c_j, c_parent, c_parent_qr
  FROM (SELECT ch.qr, ch.id, ch.type, ch.dispatch_area, ch.parent_id, pb.qr AS parent_qr,
               tt_bag_answer(ch, u.username, k.max_children) AS j
        FROM bags ch LEFT JOIN bags pb ON pb.id = ch.parent_id LEFT JOIN users u ON u.id = ch.created_by
        LEFT JOIN bag_kinds k ON k.code = ch.kind
        WHERE ch.qr IN (SELECT s->>'qr' FROM jsonb_array_elements(v_scans) s)) x;
  c_new := array_fill(false, ARRAY[cardinality(cc)]);
  c_touch := array_fill(0, ARRAY[cardinality(cc)]);
  c_link_at := array_fill(NULL::timestamptz, ARRAY[cardinality(cc)]);
  c_link_by := array_fill(NULL::int, ARRAY[cardinality(cc)]);
  c_link_scan := array_fill(NULL::bigint, ARRAY[cardinality(cc)]);
  SELECT coalesce(jsonb_object_agg(u.id, u.username), '{}') INTO v_users FROM users u
  WHERE u.id IN (SELECT (s->'ctx'->>'user_id')::int FROM jsonb_array_elements(v_scans) s);

  -- Each scan in turn, as tt_scan_child would answer it after the scans before it.
  FOR i IN 1..v_total LOOP
    v_scan := v_scans->(i - 1);
    v_ctx := v_scan->'ctx';
    v_pq := v_scan->>'parentQr';
    v_cq := v_scan->>'qr';
    p := array_position(pc, v_pq);
    CONTINUE WHEN p_bill[p];  -- a parent on a bill: the app runs the scan alone afterwards
    v_key := (v_ctx->>'user_id') || '/' || (v_scan->>'scanId');
    v_k := array_position(v_keys, v_key);
    IF v_k IS NOT NULL OR v_stored ? v_key THEN
      v_answers[i] := CASE
        WHEN coalesce(v_key_hash[v_k], v_stored->v_key->>'hash') IS DISTINCT FROM v_scan->>'hash' THEN
          jsonb_build_object('replay', false,
            'result', tt_err('SCAN_ID_REUSED', jsonb_build_object('scanId', v_scan->>'scanId')))
        ELSE jsonb_build_object('replay', true, 'result', coalesce(v_key_result[v_k], v_stored->v_key->'response'))
      END;
      CONTINUE;
    END IF;
    v_now := (v_ctx->>'now')::timestamptz;
    v_user := (v_ctx->>'user_id')::int;
    c := array_position(cc, v_cq);
    v_events := '[]';
    v_result := CASE
      WHEN p IS NULL THEN tt_err('BAG_NOT_FOUND', jsonb_build_object('qr', v_pq))
      WHEN p_type[p] <> 'parent' THEN
        tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', v_pq, 'expected', 'parent', 'actual', 'child'))
      WHEN v_ctx->>'role' = 'dispatcher' AND p_area[p] IS DISTINCT FROM v_ctx->>'area' THEN
        tt_err('AREA_FORBIDDEN', jsonb_build_object('qr', v_pq, 'area', p_area[p]))
      WHEN c_type[c] <> 'child' THEN
        tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', v_cq, 'expected', 'child', 'actual', 'parent'))
      WHEN c_parent[c] = p_id[p] THEN NULL  -- a duplicate, below
      WHEN c_parent[c] IS NOT NULL THEN
        tt_err('CHILD_IN_OTHER_PARENT', jsonb_build_object('qr', v_cq, 'parent', c_parent_qr[c]))
      WHEN p_count[p] >= p_max[p] THEN
        tt_err('PARENT_FULL', jsonb_build_object('parent', v_pq, 'maxChildren', p_max[p]))
    END;

    IF v_result IS NULL THEN
      v_seq := nextval('scans_id_seq');
      IF c_parent[c] = p_id[p] THEN
        v_count := NULL;  -- a duplicate: the child is touched, nothing else changes
        c_touch[c] := c_touch[c] + 1;
      ELSE
        v_count := p_count[p] + 1;
        IF c IS NULL THEN
          c := cardinality(cc) + 1;
          cc[c] := v_cq; c_id[c] := NULL; c_type[c] := 'child'; c_area[c] := p_area[p];
          c_new[c] := true; c_touch[c] := 1;
          c_j[c] := jsonb_build_object('qr', v_cq, 'type', 'child', 'kind', NULL, 'status', NULL, 'childCount', 0,
            'weightKg', 1, 'dispatchArea', p_area[p], 'createdAt', v_now,
            'createdBy', v_users->>(v_user::text), 'maxChildren', NULL);
        ELSE
          c_touch[c] := c_touch[c] + 1;
        END IF;
        c_parent[c] := p_id[p]; c_parent_qr[c] := v_pq;
        c_link_at[c] := v_now; c_link_by[c] := v_user; c_link_scan[c] := v_seq;
        p_count[p] := v_count; p_touch[p] := p_touch[p] + 1; p_now[p] := v_now;
        p_j[p] := p_j[p] || jsonb_build_object('childCount', v_count, 'weightKg', v_count,
          'status', CASE WHEN v_count >= p_max[p] THEN 'complete' ELSE 'in_progress' END);
      END IF;
      v_accepted := array_append(v_accepted, ROW(i, v_seq, c, p, v_count, c_new[c] AND v_count IS NOT NULL,
        c_area[c], v_now, v_now AT TIME ZONE (v_ctx->>'tz'), v_ctx, v_scan->>'scanId')::tt_batch_scan);
      v_scan_event := jsonb_build_object('type', 'scan', 'area', c_area[c], 'kind', 'child', 'qr', v_cq,
        'target', v_pq, 'duplicate', v_count IS NULL, 'user', v_ctx->>'username', 'station', v_ctx->>'station',
        'at', v_now);
      v_events := CASE WHEN v_count IS NULL THEN jsonb_build_array(v_scan_event)
        ELSE jsonb_build_array(v_scan_event, jsonb_build_object('type', 'link', 'area', p_area[p],
          'parent', v_pq, 'child', v_cq, 'childCount', v_count, 'maxChildren', p_max[p])) END;
      v_result := jsonb_build_object('child', c_j[c], 'parent', p_j[p],
        'created', c_new[c] AND v_count IS NOT NULL, 'duplicate', v_count IS NULL);
    END IF;
    v_keys := array_append(v_keys, v_key);
    v_key_hash := array_append(v_key_hash, v_scan->>'hash');
    v_key_result := array_append(v_key_result, v_result);
    v_answers[i] := jsonb_build_object('replay', false, 'result', v_result, 'events', v_events);
    v_fresh[i] := true;
  END LOOP;

  -- Writes: children, parents, the rows each accepted scan leaves, then the counters.
  WITH ins AS (
    INSERT INTO bags (qr, type, weight_kg, dispatch_area, parent_id, linked_at, linked_by, link_scan_id,
                      created_scan_id, touches, created_by, created_at, updated_at)
    SELECT x.qr, 'child', 1, x.area, x.parent, x.at, x.by, x.scan, x.scan, x.touch, x.by, x.at, x.at
    FROM unnest(cc, c_new, c_area, c_parent, c_link_at, c_link_by, c_link_scan, c_touch)
         AS x(qr, new, area, parent, at, by, scan, touch)
    WHERE x.new ORDER BY x.qr
    ON CONFLICT (qr) DO NOTHING
    RETURNING bags.qr, bags.id)
  SELECT coalesce(array_agg(ins.qr), '{}'), array_agg(ins.id) INTO v_new_codes, v_new_ids FROM ins;
  IF cardinality(v_new_codes) <> cardinality(array_positions(c_new, true)) THEN
    RAISE EXCEPTION 'a child was created by another transaction meanwhile' USING ERRCODE = 'TT001';
  END IF;
  FOR k IN 1..cardinality(v_new_codes) LOOP
    c_id[array_position(cc, v_new_codes[k])] := v_new_ids[k];
  END LOOP;
  v_expected := (SELECT count(*) FROM unnest(c_new, c_touch) AS x(new, touch) WHERE NOT x.new AND x.touch > 0);
  UPDATE bags b SET parent_id = x.parent, linked_at = coalesce(x.at, b.linked_at),
    linked_by = coalesce(x.by, b.linked_by), link_scan_id = coalesce(x.scan, b.link_scan_id),
    touches = b.touches + x.touch, updated_at = coalesce(x.at, b.updated_at)
  FROM unnest(c_id, c_new, c_parent, c_link_at, c_link_by, c_link_scan, c_touch) AS x(id, new, parent, at, by, scan, touch)
  WHERE NOT x.new AND x.touch > 0 AND b.id = x.id
    AND CASE WHEN x.at IS NULL THEN b.parent_id = x.parent ELSE b.parent_id IS NULL END;
  GET DIAGNOSTICS v_written = ROW_COUNT;
  IF v_written <> v_expected THEN
    RAISE EXCEPTION 'a child was linked or removed by another transaction meanwhile' USING ERRCODE = 'TT001';
  END IF;
  UPDATE bags b SET child_count = x.count, weight_kg = x.count,
    status = CASE WHEN x.count >= x.max THEN 'complete' ELSE 'in_progress' END,
    touches = b.touches + x.touch, updated_at = x.at
  FROM unnest(p_id, p_count, p_max, p_touch, p_now) AS x(id, count, max, touch, at)
  WHERE x.touch > 0 AND b.id = x.id;

  INSERT INTO link_events (at, action, child_id, child_qr, parent_id, parent_qr, user_id, reason)
  SELECT x.at, 'link', c_id[x.c], cc[x.c], p_id[x.p], pc[x.p], (x.ctx->>'user_id')::int, 'scan'
  FROM unnest(v_accepted) x WHERE x.child_count IS NOT NULL ORDER BY x.n;
  INSERT INTO scans (id, at, user_id, station, kind, qr, bag_id, target_qr, dispatch_area, created, duplicate, scan_id)
  SELECT x.seq, x.at, (x.ctx->>'user_id')::int, x.ctx->>'station', 'child', cc[x.c], c_id[x.c], pc[x.p], x.area,
         x.created, x.child_count IS NULL, x.scan_id
  FROM unnest(v_accepted) x ORDER BY x.n;
  INSERT INTO audit_log (at, actor_id, actor_username, actor_role, action, entity_type, entity_id, after, ip, request_id)
  SELECT x.at, (x.ctx->>'user_id')::int, x.ctx->>'username', x.ctx->>'role', 'bag.link', 'bag', cc[x.c],
         jsonb_build_object('parent', pc[x.p], 'created', x.created, 'childCount', x.child_count, 'scanId', x.scan_id),
         x.ctx->>'ip', x.ctx->>'request_id'
  FROM unnest(v_accepted) x WHERE x.child_count IS NOT NULL ORDER BY x.n;
  INSERT INTO scan_requests (user_id, endpoint, scan_id, body_hash, response, created_at)
  SELECT (s.e->'ctx'->>'user_id')::int, 'child', s.e->>'scanId', s.e->>'hash', v_answers[s.i]->'result',
         (s.e->'ctx'->>'now')::timestamptz
  FROM jsonb_array_elements(v_scans) WITH ORDINALITY AS s(e, i) WHERE v_fresh[s.i];

  -- Dashboard counters and buckets as tt_bump and tt_record_scan keep them, summed, on the
  -- batch's shard, table by table in the order a single scan writes them and by key within one.
  INSERT INTO stats_counters (area, metric, shard, value)
  SELECT coalesce(x.area, ''), CASE WHEN x.created THEN 'children' ELSE 'unlinked_children' END, p_shard,
         sum(CASE WHEN x.created THEN 1 ELSE -1 END)
  FROM unnest(v_accepted) x WHERE x.child_count IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (area, metric, shard) DO UPDATE SET value = stats_counters.value + excluded.value;
  INSERT INTO stats_hourly (area, hour, shard, scans)
  SELECT coalesce(x.area, ''), date_trunc('hour', x.local), p_shard, count(*)
  FROM unnest(v_accepted) x GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (area, hour, shard) DO UPDATE SET scans = stats_hourly.scans + excluded.scans;
  INSERT INTO stats_recent (area, slot, shard, scans)
  SELECT coalesce(x.area, ''), to_timestamp(floor(extract(epoch FROM x.at) / 300) * 300), p_shard, count(*)
  FROM unnest(v_accepted) x GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (area, slot, shard) DO UPDATE SET scans = stats_recent.scans + excluded.scans;
  INSERT INTO stats_stations (area, day, station, scans)
  SELECT coalesce(x.area, ''), x.local::date, x.ctx->>'station', count(*)
  FROM unnest(v_accepted) x WHERE x.ctx->>'station' IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (area, day, station) DO UPDATE SET scans = stats_stations.scans + excluded.scans;

  PERFORM set_config('lock_timeout', v_lock_timeout, true);
  FOR i IN 1..v_total LOOP
    n := i;
    r := v_answers[i];
    RETURN NEXT;
  END LOOP;
END $$;
--> statement-breakpoint

-- 0011's deferral (tt_defer, tt_flush_pending) served only its tt_scan_children: the counters of
-- a batch are now summed by the batch itself. tt_bump and tt_record_scan go back to 0002's bodies.
CREATE OR REPLACE FUNCTION tt_bump(p_area text, p_metric text, p_shard int, p_delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_counters (area, metric, shard, value)
  VALUES (coalesce(p_area, ''), p_metric, p_shard, p_delta)
  ON CONFLICT (area, metric, shard) DO UPDATE SET value = stats_counters.value + excluded.value;
END $$;
--> statement-breakpoint

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

DROP FUNCTION tt_flush_pending(int);
--> statement-breakpoint
DROP FUNCTION tt_defer(text, bigint);
