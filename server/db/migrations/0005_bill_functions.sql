-- Bills and IPT returns (SPEC §5, §6): attach, return scan and cancel in one round trip each.
-- Lock order everywhere: return ticket, then parent bag, then bill — so racing attaches, returns,
-- packing and cancels never deadlock. Figures are recomputed from bags.bill_id every time
-- (tt_bill_recompute), so they cannot drift.

CREATE OR REPLACE FUNCTION tt_bill_json(p_id bigint) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT jsonb_build_object(
    'billNo', b.bill_no, 'description', b.description, 'status', b.status, 'capacity', b.capacity,
    'parentCount', b.parent_count, 'childCount', b.child_count, 'actualWeightKg', b.actual_weight_kg,
    'expectedWeightKg', b.expected_weight_kg, 'destination', b.destination, 'vehicleNumber', b.vehicle_number,
    'completionReason', b.completion_reason,
    'createdBy', CASE WHEN u.id IS NULL THEN NULL ELSE
      jsonb_build_object('username', u.username, 'role', u.role, 'dispatchArea', u.dispatch_area) END,
    'createdAt', b.created_at, 'updatedAt', b.updated_at, 'completedAt', b.completed_at)
  FROM bills b LEFT JOIN users u ON u.id = b.created_by
  WHERE b.id = p_id);
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_bill_figures(p_id bigint) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT jsonb_build_object('parentCount', parent_count, 'childCount', child_count,
    'actualWeightKg', actual_weight_kg, 'expectedWeightKg', expected_weight_kg, 'status', status)
  FROM bills WHERE id = p_id);
END $$;
--> statement-breakpoint

-- Recomputes a bill's figures from its parents; answers {before, after}. The caller holds the
-- bill's row lock. A bill whose figures already match its links is not written.
CREATE OR REPLACE FUNCTION tt_bill_recompute(p_ctx jsonb, p_bill_id bigint) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_before jsonb := tt_bill_figures(p_bill_id);
  v_after jsonb;
BEGIN
  UPDATE bills b SET parent_count = f.pc, child_count = f.cc, actual_weight_kg = f.aw,
                     expected_weight_kg = f.ew, updated_at = (p_ctx->>'now')::timestamptz
  FROM (SELECT count(*)::int AS pc, coalesce(sum(g.child_count), 0)::int AS cc,
               round(coalesce(sum(g.weight_kg), 0)::numeric, 3)::float8 AS aw,
               round(coalesce(sum(k.expected_kg), 0)::numeric, 3)::float8 AS ew
        FROM bags g LEFT JOIN bag_kinds k ON k.code = g.kind WHERE g.bill_id = p_bill_id) f
  WHERE b.id = p_bill_id
    AND (b.parent_count, b.child_count, b.actual_weight_kg, b.expected_weight_kg)
        IS DISTINCT FROM (f.pc, f.cc, f.aw, f.ew);
  v_after := tt_bill_figures(p_bill_id);
  IF v_after IS DISTINCT FROM v_before THEN
    PERFORM tt_emit(jsonb_build_object('type', 'bill', 'area', NULL,
      'billNo', (SELECT bill_no FROM bills WHERE id = p_bill_id), 'figures', v_after));
  END IF;
  RETURN jsonb_build_object('before', v_before, 'after', v_after);
END $$;
--> statement-breakpoint

-- Moves a bill to a status, keeping completed_at and the dashboard's bill counters in step.
-- Like tt_bill_recompute it emits a live `bill` event (tt_emit): the caller hands the
-- transaction's events to the app (tt_idem_store, tt_take_events) or NOTIFYs them (tt_flush_events).
CREATE OR REPLACE FUNCTION tt_bill_status(p_ctx jsonb, p_bill_id bigint, p_status text, p_reason text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_old text;
BEGIN
  SELECT status INTO v_old FROM bills WHERE id = p_bill_id;
  IF v_old IS NULL OR v_old = p_status THEN
    RETURN;
  END IF;
  UPDATE bills SET status = p_status, updated_at = (p_ctx->>'now')::timestamptz,
    completed_at = CASE WHEN p_status = 'completed' THEN (p_ctx->>'now')::timestamptz END,
    completion_reason = CASE WHEN p_status = 'completed' THEN p_reason END
  WHERE id = p_bill_id;
  -- Counter rows are locked in name order (bills_completed, bills_new, bills_processing) and a
  -- transaction changes a bill's status at most once, so two status changes never deadlock.
  IF v_old < p_status THEN
    PERFORM tt_bump('', 'bills_' || v_old, tt_shard(p_ctx), -1);
    PERFORM tt_bump('', 'bills_' || p_status, tt_shard(p_ctx), 1);
  ELSE
    PERFORM tt_bump('', 'bills_' || p_status, tt_shard(p_ctx), 1);
    PERFORM tt_bump('', 'bills_' || v_old, tt_shard(p_ctx), -1);
  END IF;
  PERFORM tt_emit(jsonb_build_object('type', 'bill', 'area', NULL,
    'billNo', (SELECT bill_no FROM bills WHERE id = p_bill_id), 'status', p_status, 'previous', v_old));
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_bill_event(p_ctx jsonb, p_bill_id bigint, p_action text, p_parent text,
  p_before jsonb, p_after jsonb, p_note text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO bill_events (at, bill_id, bill_no, action, parent_qr, user_id, before, after, note)
  SELECT (p_ctx->>'now')::timestamptz, p_bill_id, bill_no, p_action, p_parent, (p_ctx->>'user_id')::int,
         p_before, p_after, p_note
  FROM bills WHERE id = p_bill_id;
END $$;
--> statement-breakpoint

-- After the figures moved: a completed bill that lost a parent reopens; an empty one is new again.
CREATE OR REPLACE FUNCTION tt_bill_settle(p_ctx jsonb, p_bill_id bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_status text;
  v_count int;
  v_capacity int;
BEGIN
  SELECT status, parent_count, capacity INTO v_status, v_count, v_capacity FROM bills WHERE id = p_bill_id;
  IF v_count = 0 THEN
    PERFORM tt_bill_status(p_ctx, p_bill_id, 'new');
  ELSIF v_status <> 'processing' AND (v_status = 'new' OR v_count < v_capacity) THEN
    PERFORM tt_bill_status(p_ctx, p_bill_id, 'processing');
  END IF;
END $$;
--> statement-breakpoint

-- Attach a parent to a bill (SPEC §5), rules in the spec's order. p_kind: the kind of a parent
-- code (NULL for a child code); p_manual: typed entry, which may create an unknown parent — only
-- when the attach succeeds: a refused manual attach creates nothing (the row it inserted, still
-- invisible to everyone else, is deleted again before the refusal is answered).
CREATE OR REPLACE FUNCTION tt_bill_attach(p_ctx jsonb, p_bill_no text, p_qr text, p_kind text, p_manual boolean,
  p_auto_complete boolean, p_debounce_ms int, p_scan_id text, p_hash text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_claim jsonb := tt_idem_claim(p_ctx, 'bill', p_scan_id, p_hash);
  v_now timestamptz := (p_ctx->>'now')::timestamptz;
  v_user int := (p_ctx->>'user_id')::int;
  v_bill_id bigint;
  v_bill bills%ROWTYPE;
  v_bag bags%ROWTYPE;
  v_created boolean := false;
  v_fig jsonb;
  v_err jsonb;
  v_full boolean;
  v_last scans%ROWTYPE;
  v_first jsonb;
BEGIN
  IF v_claim IS NOT NULL THEN
    RETURN v_claim;
  END IF;
  SELECT id INTO v_bill_id FROM bills WHERE bill_no = p_bill_no;
  IF NOT FOUND THEN
    RETURN tt_idem_store(p_ctx, 'bill', p_scan_id, tt_err('BILL_NOT_FOUND', jsonb_build_object('bill', p_bill_no)));
  END IF;
  -- Lock order everywhere: ticket, parent bag, bill.
  SELECT * INTO v_bag FROM bags WHERE qr = p_qr FOR UPDATE;
  IF NOT FOUND AND p_manual AND p_kind IS NOT NULL THEN
    INSERT INTO bags (qr, type, kind, status, created_by, created_at, updated_at, touches)
    VALUES (p_qr, 'parent', p_kind, 'empty', v_user, v_now, v_now, 1)
    ON CONFLICT (qr) DO NOTHING RETURNING * INTO v_bag;
    v_created := FOUND;
    IF NOT v_created THEN
      SELECT * INTO v_bag FROM bags WHERE qr = p_qr FOR UPDATE;
    END IF;
  END IF;
  IF v_bag.id IS NULL AND NOT (p_manual AND p_kind IS NULL) THEN
    RETURN tt_idem_store(p_ctx, 'bill', p_scan_id, tt_err('BAG_NOT_FOUND', jsonb_build_object('qr', p_qr)));
  END IF;
  IF v_bag.id IS NULL OR v_bag.type <> 'parent' THEN
    RETURN tt_idem_store(p_ctx, 'bill', p_scan_id,
      tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', p_qr, 'expected', 'parent', 'actual', 'child')));
  END IF;
  SELECT * INTO v_bill FROM bills WHERE id = v_bill_id FOR UPDATE;
  IF NOT FOUND THEN
    v_err := tt_err('BILL_NOT_FOUND', jsonb_build_object('bill', p_bill_no));
  ELSIF v_bag.bill_id = v_bill.id THEN
    -- A double read: the same parent again on this bill within the window of its last accepted
    -- scan here (another scanId) gets that scan's answer again and is not another scan.
    SELECT * INTO v_last FROM scans WHERE qr = p_qr AND kind = 'bill' ORDER BY id DESC LIMIT 1;
    IF v_last.target_qr = p_bill_no AND v_last.at > v_now - make_interval(secs => p_debounce_ms / 1000.0) THEN
      SELECT response INTO v_first FROM scan_requests
      WHERE user_id = v_last.user_id AND endpoint = 'bill' AND scan_id = v_last.scan_id;
      IF v_first IS NULL OR jsonb_typeof(v_first) <> 'object' OR v_first->>'error' IS NOT NULL THEN
        v_first := jsonb_build_object('bill', tt_bill_json(v_bill.id), 'parent', tt_bag_json(v_bag.id),
          'duplicate', false, 'created', false);
      END IF;
      RETURN tt_idem_store(p_ctx, 'bill', p_scan_id, v_first);
    END IF;
    UPDATE bags SET touches = touches + 1 WHERE id = v_bag.id;
    PERFORM tt_record_scan(p_ctx, nextval('scans_id_seq'), 'bill', p_qr, v_bag.id, p_bill_no, v_bag.dispatch_area,
      false, true, p_scan_id);
    RETURN tt_idem_store(p_ctx, 'bill', p_scan_id, jsonb_build_object(
      'bill', tt_bill_json(v_bill.id), 'parent', tt_bag_json(v_bag.id), 'duplicate', true, 'created', false));
  ELSIF v_bill.status = 'completed' THEN
    v_err := tt_err('BILL_CLOSED', jsonb_build_object('bill', p_bill_no));
  ELSIF v_bag.bill_id IS NOT NULL THEN
    v_err := tt_err('PARENT_ON_OTHER_BILL', jsonb_build_object(
      'qr', p_qr, 'bill', (SELECT bill_no FROM bills WHERE id = v_bag.bill_id)));
  ELSIF v_bag.open_ticket_id IS NOT NULL THEN
    v_err := tt_err('PARENT_IN_OPEN_TICKET', jsonb_build_object(
      'qr', p_qr, 'ticket', (SELECT code FROM return_tickets WHERE id = v_bag.open_ticket_id)));
  ELSIF v_bill.parent_count >= v_bill.capacity THEN
    v_err := tt_err('BILL_FULL', jsonb_build_object('bill', p_bill_no, 'capacity', v_bill.capacity));
  END IF;
  IF v_err IS NOT NULL THEN
    IF v_created THEN
      DELETE FROM bags WHERE id = v_bag.id;
    END IF;
    RETURN tt_idem_store(p_ctx, 'bill', p_scan_id, v_err);
  END IF;

  IF v_created THEN
    PERFORM tt_bump(NULL, 'parents', tt_shard(p_ctx), 1);
    PERFORM tt_audit(p_ctx, 'bag.create', 'bag', p_qr,
      jsonb_build_object('type', 'parent', 'kind', p_kind, 'manual', true, 'bill', p_bill_no, 'scanId', p_scan_id));
  END IF;
  UPDATE bags SET bill_id = v_bill.id, bill_attached_at = v_now, bill_attached_by = v_user,
                  touches = touches + CASE WHEN v_created THEN 0 ELSE 1 END, updated_at = v_now
  WHERE id = v_bag.id;
  v_fig := tt_bill_recompute(p_ctx, v_bill.id);
  -- One status change per transaction (see tt_bill_status): reaching capacity goes straight to
  -- completed, otherwise a new bill becomes processing.
  v_full := p_auto_complete AND (v_fig->'after'->>'parentCount')::int >= v_bill.capacity;
  IF NOT v_full THEN
    PERFORM tt_bill_settle(p_ctx, v_bill.id);
  END IF;
  PERFORM tt_bill_event(p_ctx, v_bill.id, 'attach', p_qr, v_fig->'before', tt_bill_figures(v_bill.id),
    CASE WHEN v_created THEN 'manual entry created the parent' WHEN p_manual THEN 'manual entry' END);
  IF v_full THEN
    v_fig := tt_bill_figures(v_bill.id);
    PERFORM tt_bill_status(p_ctx, v_bill.id, 'completed', 'reached capacity');
    PERFORM tt_bill_event(p_ctx, v_bill.id, 'complete', NULL, v_fig, tt_bill_figures(v_bill.id), 'auto');
    PERFORM tt_audit(p_ctx, 'bill.complete', 'bill', p_bill_no, jsonb_build_object('auto', true));
  END IF;
  PERFORM tt_record_scan(p_ctx, nextval('scans_id_seq'), 'bill', p_qr, v_bag.id, p_bill_no, v_bag.dispatch_area,
    v_created, false, p_scan_id);
  PERFORM tt_audit(p_ctx, 'bill.attach', 'bill', p_bill_no,
    jsonb_build_object('parent', p_qr, 'manual', p_manual, 'created', v_created, 'figures', tt_bill_figures(v_bill.id)));
  RETURN tt_idem_store(p_ctx, 'bill', p_scan_id, jsonb_build_object(
    'bill', tt_bill_json(v_bill.id), 'parent', tt_bag_json(v_bag.id), 'duplicate', false, 'created', v_created));
END $$;
--> statement-breakpoint

-- Takes a parent off a bill (DELETE /api/bills/:billNo/parents/:qr). A completed bill reopens.
-- Answers {bill, events} (the live events, for the app to publish after commit) or {error}.
CREATE OR REPLACE FUNCTION tt_bill_remove(p_ctx jsonb, p_bill_no text, p_qr text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_bill_id bigint;
  v_bag bags%ROWTYPE;
  v_fig jsonb;
BEGIN
  SELECT id INTO v_bill_id FROM bills WHERE bill_no = p_bill_no;
  IF NOT FOUND THEN
    RETURN tt_err('BILL_NOT_FOUND', jsonb_build_object('bill', p_bill_no));
  END IF;
  SELECT * INTO v_bag FROM bags WHERE qr = p_qr FOR UPDATE;
  IF NOT FOUND THEN
    RETURN tt_err('BAG_NOT_FOUND', jsonb_build_object('qr', p_qr));
  END IF;
  IF v_bag.type <> 'parent' THEN
    RETURN tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', p_qr, 'expected', 'parent', 'actual', v_bag.type));
  END IF;
  PERFORM 1 FROM bills WHERE id = v_bill_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN tt_err('BILL_NOT_FOUND', jsonb_build_object('bill', p_bill_no));
  END IF;
  IF v_bag.bill_id IS DISTINCT FROM v_bill_id THEN
    RETURN tt_err('PARENT_NOT_ON_BILL', jsonb_build_object('qr', p_qr, 'bill', p_bill_no));
  END IF;
  UPDATE bags SET bill_id = NULL, bill_attached_at = NULL, bill_attached_by = NULL,
                  updated_at = (p_ctx->>'now')::timestamptz
  WHERE id = v_bag.id;
  v_fig := tt_bill_recompute(p_ctx, v_bill_id);
  PERFORM tt_bill_settle(p_ctx, v_bill_id);
  PERFORM tt_bill_event(p_ctx, v_bill_id, 'remove', p_qr, v_fig->'before', tt_bill_figures(v_bill_id));
  PERFORM tt_audit(p_ctx, 'bill.remove_parent', 'bill', p_bill_no,
    jsonb_build_object('parent', p_qr, 'figures', tt_bill_figures(v_bill_id)));
  RETURN jsonb_build_object('bill', tt_bill_json(v_bill_id), 'events', tt_take_events());
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION tt_ticket_json(p_id bigint) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT jsonb_build_object('code', t.code, 'location', t.location, 'notes', t.notes, 'status', t.status,
    'bagCount', t.bag_count, 'childCount', t.child_count, 'weightKg', t.weight_kg,
    'createdBy', u.username, 'createdAt', t.created_at, 'updatedAt', t.updated_at, 'closedAt', t.closed_at)
  FROM return_tickets t LEFT JOIN users u ON u.id = t.created_by
  WHERE t.id = p_id);
END $$;
--> statement-breakpoint

-- A return line as the API presents it: the original bill and the figures at return time.
CREATE OR REPLACE FUNCTION tt_return_line_json(p_id bigint) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT jsonb_build_object('qr', l.qr, 'originalBill', l.original_bill_no, 'childCount', l.child_count,
    'weightKg', l.weight_kg, 'scannedBy', u.username, 'scannedAt', l.scanned_at, 'restored', l.restored,
    'restoreNote', l.restore_note)
  FROM return_lines l LEFT JOIN users u ON u.id = l.scanned_by
  WHERE l.id = p_id);
END $$;
--> statement-breakpoint

-- Scan a returned parent into an open ticket (SPEC §6): it leaves its bill, the line keeps the
-- original bill and the figures at return time, and the bill's history records before/after.
CREATE OR REPLACE FUNCTION tt_return_scan(p_ctx jsonb, p_code text, p_qr text, p_is_parent boolean, p_scan_id text, p_hash text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_claim jsonb := tt_idem_claim(p_ctx, 'return', p_scan_id, p_hash);
  v_now timestamptz := (p_ctx->>'now')::timestamptz;
  v_ticket return_tickets%ROWTYPE;
  v_bag bags%ROWTYPE;
  v_bill_id bigint;
  v_bill_no text;
  v_fig jsonb;
  v_line bigint;
BEGIN
  IF v_claim IS NOT NULL THEN
    RETURN v_claim;
  END IF;
  SELECT * INTO v_ticket FROM return_tickets WHERE code = p_code FOR UPDATE;
  IF NOT FOUND THEN
    RETURN tt_idem_store(p_ctx, 'return', p_scan_id, tt_err('TICKET_NOT_FOUND', jsonb_build_object('ticket', p_code)));
  END IF;
  IF v_ticket.status <> 'open' THEN
    RETURN tt_idem_store(p_ctx, 'return', p_scan_id,
      tt_err('TICKET_CLOSED', jsonb_build_object('ticket', p_code, 'status', v_ticket.status)));
  END IF;
  SELECT * INTO v_bag FROM bags WHERE qr = p_qr FOR UPDATE;
  IF NOT p_is_parent OR (FOUND AND v_bag.type <> 'parent') THEN
    RETURN tt_idem_store(p_ctx, 'return', p_scan_id,
      tt_err('QR_WRONG_TYPE', jsonb_build_object('qr', p_qr, 'expected', 'parent', 'actual', 'child')));
  END IF;
  IF v_bag.id IS NULL THEN
    RETURN tt_idem_store(p_ctx, 'return', p_scan_id, tt_err('BAG_NOT_FOUND', jsonb_build_object('qr', p_qr)));
  END IF;
  IF v_bag.open_ticket_id = v_ticket.id THEN
    PERFORM tt_record_scan(p_ctx, nextval('scans_id_seq'), 'return', p_qr, v_bag.id, p_code, v_bag.dispatch_area,
      false, true, p_scan_id);
    SELECT id, original_bill_id INTO v_line, v_bill_id FROM return_lines
    WHERE ticket_id = v_ticket.id AND bag_id = v_bag.id;
    RETURN tt_idem_store(p_ctx, 'return', p_scan_id, jsonb_build_object('ticket', tt_ticket_json(v_ticket.id),
      'line', tt_return_line_json(v_line), 'bill', tt_bill_json(v_bill_id), 'duplicate', true));
  END IF;
  IF v_bag.open_ticket_id IS NOT NULL THEN
    RETURN tt_idem_store(p_ctx, 'return', p_scan_id, tt_err('PARENT_IN_OTHER_TICKET', jsonb_build_object(
      'qr', p_qr, 'ticket', (SELECT code FROM return_tickets WHERE id = v_bag.open_ticket_id))));
  END IF;
  IF v_bag.bill_id IS NULL THEN
    RETURN tt_idem_store(p_ctx, 'return', p_scan_id, tt_err('PARENT_NOT_ON_BILL', jsonb_build_object('qr', p_qr)));
  END IF;

  v_bill_id := v_bag.bill_id;
  SELECT bill_no INTO v_bill_no FROM bills WHERE id = v_bill_id FOR UPDATE;
  UPDATE bags SET bill_id = NULL, bill_attached_at = NULL, bill_attached_by = NULL, open_ticket_id = v_ticket.id,
                  touches = touches + 1, updated_at = v_now
  WHERE id = v_bag.id;
  v_fig := tt_bill_recompute(p_ctx, v_bill_id);
  PERFORM tt_bill_settle(p_ctx, v_bill_id);
  PERFORM tt_bill_event(p_ctx, v_bill_id, 'return', p_qr, v_fig->'before', tt_bill_figures(v_bill_id), p_code);
  INSERT INTO return_lines (ticket_id, bag_id, qr, original_bill_id, original_bill_no, child_count, weight_kg,
                            scanned_by, scanned_at)
  VALUES (v_ticket.id, v_bag.id, p_qr, v_bill_id, v_bill_no, v_bag.child_count, v_bag.weight_kg,
          (p_ctx->>'user_id')::int, v_now)
  RETURNING id INTO v_line;
  UPDATE return_tickets SET bag_count = bag_count + 1, child_count = child_count + v_bag.child_count,
                            weight_kg = weight_kg + v_bag.weight_kg, updated_at = v_now
  WHERE id = v_ticket.id;
  PERFORM tt_record_scan(p_ctx, nextval('scans_id_seq'), 'return', p_qr, v_bag.id, p_code, v_bag.dispatch_area,
    false, false, p_scan_id);
  PERFORM tt_audit(p_ctx, 'return.scan', 'return', p_code,
    jsonb_build_object('parent', p_qr, 'bill', v_bill_no, 'childCount', v_bag.child_count));
  PERFORM tt_emit(jsonb_build_object('type', 'return', 'area', v_bag.dispatch_area,
    'ticket', p_code, 'parent', p_qr, 'bill', v_bill_no));
  RETURN tt_idem_store(p_ctx, 'return', p_scan_id, jsonb_build_object('ticket', tt_ticket_json(v_ticket.id),
    'line', tt_return_line_json(v_line), 'bill', tt_bill_json(v_bill_id), 'duplicate', false));
END $$;
--> statement-breakpoint

-- Finalize (commit) or cancel an open ticket. Cancel puts each bag back on its original bill, in
-- scan order, unless that bill was deleted, has since filled up or was completed, and lists the
-- ones it could not; a restore that fills a bill completes it when p_auto_complete.
CREATE OR REPLACE FUNCTION tt_return_close(p_ctx jsonb, p_code text, p_action text,
  p_auto_complete boolean DEFAULT true) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := (p_ctx->>'now')::timestamptz;
  v_ticket return_tickets%ROWTYPE;
  v_line return_lines%ROWTYPE;
  v_bag bags%ROWTYPE;
  v_bill bills%ROWTYPE;
  v_fig jsonb;
  v_after jsonb;
  v_restored jsonb := '[]'::jsonb;
  v_not jsonb := '[]'::jsonb;
  v_reason text;
BEGIN
  SELECT * INTO v_ticket FROM return_tickets WHERE code = p_code FOR UPDATE;
  IF NOT FOUND THEN
    RETURN tt_err('TICKET_NOT_FOUND', jsonb_build_object('ticket', p_code));
  END IF;
  IF v_ticket.status <> 'open' THEN
    RETURN tt_err('TICKET_CLOSED', jsonb_build_object('ticket', p_code, 'status', v_ticket.status));
  END IF;
  IF p_action = 'finalize' AND v_ticket.bag_count = 0 THEN
    RETURN tt_err('TICKET_EMPTY', jsonb_build_object('ticket', p_code));
  END IF;
  -- Lock order: the ticket's bags (found through its lines: bags.open_ticket_id has no index), then
  -- their original bills, each set in id order, so that racing cancels and attaches never deadlock.
  PERFORM 1 FROM bags WHERE id IN (SELECT bag_id FROM return_lines WHERE ticket_id = v_ticket.id)
  ORDER BY id FOR UPDATE;
  IF p_action = 'cancel' THEN
    PERFORM 1 FROM bills WHERE id IN (SELECT original_bill_id FROM return_lines WHERE ticket_id = v_ticket.id)
    ORDER BY id FOR UPDATE;
    FOR v_line IN SELECT * FROM return_lines WHERE ticket_id = v_ticket.id ORDER BY id LOOP
      SELECT * INTO v_bag FROM bags WHERE id = v_line.bag_id;
      SELECT * INTO v_bill FROM bills WHERE id = v_line.original_bill_id;
      -- Full before completed: a bill auto-completed at capacity is "bill full".
      v_reason := CASE
        WHEN v_bag.id IS NULL THEN 'bag deleted'
        WHEN v_bag.bill_id IS NOT NULL THEN 'bag on another bill'
        WHEN v_bill.id IS NULL THEN 'bill deleted'
        WHEN v_bill.parent_count >= v_bill.capacity THEN 'bill full'
        WHEN v_bill.status = 'completed' THEN 'bill completed' END;
      IF v_reason IS NULL THEN
        UPDATE bags SET bill_id = v_bill.id, bill_attached_at = v_now, bill_attached_by = (p_ctx->>'user_id')::int,
                        touches = touches + 1, updated_at = v_now
        WHERE id = v_line.bag_id;
        v_fig := tt_bill_recompute(p_ctx, v_bill.id);
        PERFORM tt_bill_settle(p_ctx, v_bill.id);
        v_after := tt_bill_figures(v_bill.id);
        PERFORM tt_bill_event(p_ctx, v_bill.id, 'restore', v_line.qr, v_fig->'before', v_after, p_code);
        IF p_auto_complete AND (v_after->>'parentCount')::int >= v_bill.capacity THEN
          PERFORM tt_bill_status(p_ctx, v_bill.id, 'completed', 'reached capacity');
          PERFORM tt_bill_event(p_ctx, v_bill.id, 'complete', NULL, v_after, tt_bill_figures(v_bill.id), 'auto');
          PERFORM tt_audit(p_ctx, 'bill.complete', 'bill', v_bill.bill_no, jsonb_build_object('auto', true));
        END IF;
        v_restored := v_restored || to_jsonb(v_line.qr);
      ELSE
        v_not := v_not || jsonb_build_object('qr', v_line.qr, 'reason', v_reason, 'bill', v_line.original_bill_no);
      END IF;
      UPDATE return_lines SET restored = (v_reason IS NULL), restore_note = v_reason WHERE id = v_line.id;
    END LOOP;
  END IF;
  UPDATE bags SET open_ticket_id = NULL, updated_at = v_now
  WHERE id IN (SELECT bag_id FROM return_lines WHERE ticket_id = v_ticket.id) AND open_ticket_id = v_ticket.id;
  UPDATE return_tickets SET status = CASE WHEN p_action = 'cancel' THEN 'cancelled' ELSE 'committed' END,
    closed_at = v_now, updated_at = v_now
  WHERE id = v_ticket.id;
  PERFORM tt_audit(p_ctx, 'return.' || p_action, 'return', p_code,
    jsonb_build_object('restored', v_restored, 'notRestored', v_not));
  PERFORM pg_notify('tt_events', jsonb_build_object('type', 'return', 'area', NULL, 'ticket', p_code,
    'status', p_action)::text);
  -- The bill events the restores emitted (tt_bill_recompute, tt_bill_status).
  PERFORM tt_flush_events();
  RETURN jsonb_build_object('ticket', tt_ticket_json(v_ticket.id), 'restored', v_restored, 'notRestored', v_not);
END $$;
