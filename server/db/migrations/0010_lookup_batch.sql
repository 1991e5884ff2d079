-- Lookups answered in batches and in the API's own shape (GET /api/bags/:qr; the server sends
-- the lookups that fall due in one turn of its event loop as one statement and the answer's text
-- as the response body, server/modules/bags/bag-detail.ts):
-- - tt_bag_details(codes) answers every code of a JSON array in one set-based query — the bags,
--   their parents, kinds and creators joined once for the batch instead of one plpgsql call (seven
--   SPI statements) per code. pgbench, one client, 1.8 M bags, 16 codes per call: children
--   2.6 → 0.7 ms, half parents 4.8 → 1.7 ms per call (BENCHMARKS.md "Lookups batched").
-- - plpgsql with RETURN QUERY so the plan is cached per connection (a LANGUAGE sql function whose
--   argument is not a plain parameter is re-planned on every call in PostgreSQL 15).
-- - `body` is the BagDetail contract as JSON text (keys in the contract's order, times as
--   toISOString writes them), so the server neither parses nor re-serialises it; `area` is the
--   bag's dispatch area for the server's visibility check. Compared with 0009's answer through the
--   server's presenter for 152,649 bench bags: the same JSON, key for key.
-- - tt_bag_detail(code) stays (the benchmark's one-statement-per-lookup ceiling) and answers the
--   same body.
-- A time as JavaScript's toISOString writes it (UTC, milliseconds), as every other answer has it.
CREATE FUNCTION tt_iso(p_at timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;--> statement-breakpoint
CREATE FUNCTION tt_bag_details(p_codes json) RETURNS TABLE(n bigint, area text, body text) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT c.n, b.dispatch_area, CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object(
    'bag', json_build_object(
      'qr', b.qr, 'type', b.type, 'kind', b.kind, 'status', b.status,
      'childCount', b.child_count, 'weightKg', b.weight_kg,
      'dispatchArea', b.dispatch_area, 'createdAt', tt_iso(b.created_at),
      'createdBy', bu.username),
    'kind', CASE WHEN k.code IS NULL THEN NULL ELSE json_build_object(
      'code', k.code, 'label', k.label, 'prefix', k.prefix,
      'pattern', k.pattern, 'maxChildren', k.max_children,
      'expectedKg', k.expected_kg) END,
    'parent', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
      'qr', p.qr, 'kind', p.kind, 'status', p.status, 'childCount', p.child_count,
      'maxChildren', coalesce(pk.max_children, 0), 'weightKg', p.weight_kg,
      'dispatchArea', p.dispatch_area, 'linkedAt', tt_iso(b.linked_at)) END,
    'children', CASE WHEN b.type = 'parent' AND b.child_count > 0 THEN
      (SELECT coalesce(json_agg(json_build_object(
          'qr', ch.qr, 'type', ch.type, 'kind', ch.kind, 'status', ch.status,
          'childCount', ch.child_count, 'weightKg', ch.weight_kg,
          'dispatchArea', ch.dispatch_area, 'createdAt', tt_iso(ch.created_at),
          'createdBy', (SELECT username FROM users u WHERE u.id = ch.created_by))
          ORDER BY ch.linked_at, ch.id), '[]'::json)
       FROM bags ch WHERE ch.parent_id = b.id)
      ELSE '[]'::json END,
    'bill', (SELECT json_build_object('billNo', bl.bill_no, 'status', bl.status)
             FROM bills bl WHERE bl.id = coalesce(b.bill_id, p.bill_id)))::text END
  FROM json_array_elements_text(p_codes) WITH ORDINALITY AS c(code, n)
  LEFT JOIN bags b ON b.qr = c.code
  LEFT JOIN users bu ON bu.id = b.created_by
  LEFT JOIN bag_kinds k ON k.code = b.kind
  LEFT JOIN bags p ON p.id = b.parent_id
  LEFT JOIN bag_kinds pk ON pk.code = p.kind
  ORDER BY c.n;
END $$;--> statement-breakpoint
DROP FUNCTION tt_bag_detail(text);--> statement-breakpoint
CREATE FUNCTION tt_bag_detail(p_qr text) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT d.body::json FROM tt_bag_details(json_build_array(p_qr)) d);
END $$;
