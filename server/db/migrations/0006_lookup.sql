-- GET /api/bags/:qr in one prepared round trip (the hottest read): the bag, its kind, its parent
-- summary, its bill (a child: its parent's), and a parent's children in link order.
CREATE OR REPLACE FUNCTION tt_bag_detail(p_qr text) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_bag bags%ROWTYPE;
  v_parent bags%ROWTYPE;
BEGIN
  SELECT * INTO v_bag FROM bags WHERE qr = p_qr;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF v_bag.parent_id IS NOT NULL THEN
    SELECT * INTO v_parent FROM bags WHERE id = v_bag.parent_id;
  END IF;
  RETURN jsonb_build_object(
    'bag', tt_bag_json(v_bag.id),
    'linkedAt', v_bag.linked_at,
    'kind', (SELECT jsonb_build_object('code', k.code, 'label', k.label, 'prefix', k.prefix,
               'pattern', k.pattern, 'maxChildren', k.max_children, 'expectedKg', k.expected_kg)
             FROM bag_kinds k WHERE k.code = v_bag.kind),
    'parent', CASE WHEN v_parent.id IS NULL THEN NULL ELSE tt_bag_json(v_parent.id) END,
    'bill', (SELECT jsonb_build_object('billNo', bl.bill_no, 'status', bl.status)
             FROM bills bl WHERE bl.id = coalesce(v_bag.bill_id, v_parent.bill_id)),
    'children', CASE WHEN v_bag.type = 'parent' AND v_bag.child_count > 0 THEN
      (SELECT coalesce(jsonb_agg(jsonb_build_object(
          'qr', c.qr, 'type', c.type, 'kind', c.kind, 'status', c.status, 'childCount', c.child_count,
          'weightKg', c.weight_kg, 'dispatchArea', c.dispatch_area, 'createdAt', c.created_at,
          'createdBy', u.username) ORDER BY c.linked_at, c.id), '[]'::jsonb)
       FROM bags c LEFT JOIN users u ON u.id = c.created_by WHERE c.parent_id = v_bag.id)
      ELSE '[]'::jsonb END);
END $$;
