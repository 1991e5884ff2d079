-- Lookups answered in batches (GET /api/bags/:qr; the server sends the lookups that fall due in
-- one turn of its event loop as one statement, server/modules/bags/bag-detail.ts):
-- - tt_bag_details(codes) answers every code of a JSON array in one set-based query — the bags,
--   their parents, kinds and creators joined once for the batch instead of one plpgsql call (seven
--   SPI statements) per code. pgbench, one client, 1.8 M bags, 16 codes per call: children
--   2.6 → 0.7 ms, half parents 4.8 → 1.7 ms per call (BENCHMARKS.md "Lookups batched").
-- - plpgsql with RETURN QUERY so the plan is cached per connection (a LANGUAGE sql function whose
--   argument is not a plain parameter is re-planned on every call in PostgreSQL 15).
-- - the answer per code is the same json text as 0009's tt_bag_detail (compared in SQL for 44,333
--   bench bags, parents and children); tt_bag_detail stays, answering through this one shape.
CREATE FUNCTION tt_bag_details(p_codes json) RETURNS TABLE(n bigint, r json) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT c.n, CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object(
    'bag', json_build_object(
      'qr', b.qr, 'type', b.type, 'kind', b.kind, 'status', b.status,
      'childCount', b.child_count, 'weightKg', b.weight_kg,
      'dispatchArea', b.dispatch_area, 'createdAt', b.created_at,
      'createdBy', bu.username, 'maxChildren', k.max_children),
    'linkedAt', b.linked_at,
    'kind', CASE WHEN k.code IS NULL THEN NULL ELSE json_build_object(
      'code', k.code, 'label', k.label, 'prefix', k.prefix,
      'pattern', k.pattern, 'maxChildren', k.max_children,
      'expectedKg', k.expected_kg) END,
    'parent', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object(
      'qr', p.qr, 'type', p.type, 'kind', p.kind,
      'status', p.status, 'childCount', p.child_count,
      'weightKg', p.weight_kg, 'dispatchArea', p.dispatch_area,
      'createdAt', p.created_at, 'createdBy', pu.username,
      'maxChildren', pk.max_children) END,
    'bill', (SELECT json_build_object('billNo', bl.bill_no, 'status', bl.status) FROM bills bl WHERE bl.id = coalesce(b.bill_id, p.bill_id)),
    'children', CASE WHEN b.type = 'parent' AND b.child_count > 0 THEN
      (SELECT coalesce(json_agg(json_build_object(
          'qr', ch.qr, 'type', ch.type, 'kind', ch.kind, 'status', ch.status,
          'childCount', ch.child_count, 'weightKg', ch.weight_kg,
          'dispatchArea', ch.dispatch_area, 'createdAt', ch.created_at,
          'createdBy', (SELECT username FROM users u WHERE u.id = ch.created_by))
          ORDER BY ch.linked_at, ch.id), '[]'::json)
       FROM bags ch WHERE ch.parent_id = b.id)
      ELSE '[]'::json END) END
  FROM json_array_elements_text(p_codes) WITH ORDINALITY AS c(code, n)
  LEFT JOIN bags b ON b.qr = c.code
  LEFT JOIN users bu ON bu.id = b.created_by
  LEFT JOIN bag_kinds k ON k.code = b.kind
  LEFT JOIN bags p ON p.id = b.parent_id
  LEFT JOIN users pu ON pu.id = p.created_by
  LEFT JOIN bag_kinds pk ON pk.code = p.kind
  ORDER BY c.n;
END $$;--> statement-breakpoint
DROP FUNCTION tt_bag_detail(text);--> statement-breakpoint
CREATE FUNCTION tt_bag_detail(p_qr text) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT d.r FROM tt_bag_details(json_build_array(p_qr)) d);
END $$;
