-- Lookup answers written from composite rows instead of json_build_object (GET /api/bags/:qr,
-- tt_bag_details of 0010; same signature, same keys in the same order, same values):
-- - each object of the answer is a row of a type whose attribute names are the contract's keys,
--   turned to JSON by row_to_json (to_json, json_agg), which writes a row's fields straight out;
--   json_build_object first builds an argument list of alternating keys and values per object.
-- - a parent's children still take their creators' names by primary key, one probe each. A join
--   was 12 % faster on parents with the bench's 257 users, but with 20,000 users the planner
--   turned it into a merge join that walks users_pkey from its start for every parent.
-- - the JSON is compact: no spaces around `:` and after `,` within an object (the text was 13 %
--   smaller for bench parents), which the client parses the same. The children are aggregated as
--   json, not as rows: json_agg of rows puts a line break between elements.
-- psql, 1.8 M bench bags, 320 codes per call, three runs or more each: parents (30 children)
-- 37–38 → 32–35 ms, children 4.6–5.5 → 3.9–4.3 ms; the bodies of both sets equal as jsonb
-- (BENCHMARKS.md "Lookup answers from rows").
CREATE TYPE tt_lookup_bag AS (
  "qr" text, "type" text, "kind" text, "status" text, "childCount" integer,
  "weightKg" double precision, "dispatchArea" text, "createdAt" text, "createdBy" text
);--> statement-breakpoint
CREATE TYPE tt_lookup_kind AS (
  "code" text, "label" text, "prefix" text, "pattern" text, "maxChildren" integer,
  "expectedKg" double precision
);--> statement-breakpoint
CREATE TYPE tt_lookup_parent AS (
  "qr" text, "kind" text, "status" text, "childCount" integer, "maxChildren" integer,
  "weightKg" double precision, "dispatchArea" text, "linkedAt" text
);--> statement-breakpoint
CREATE TYPE tt_lookup_bill AS ("billNo" text, "status" text);--> statement-breakpoint
CREATE TYPE tt_lookup AS (
  "bag" tt_lookup_bag, "kind" tt_lookup_kind, "parent" tt_lookup_parent, "children" json,
  "bill" tt_lookup_bill
);--> statement-breakpoint
CREATE OR REPLACE FUNCTION tt_bag_details(p_codes json) RETURNS TABLE(n bigint, area text, body text) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT c.n, b.dispatch_area, CASE WHEN b.id IS NULL THEN NULL ELSE to_json(ROW(
    ROW(b.qr, b.type, b.kind, b.status, b.child_count, b.weight_kg, b.dispatch_area,
        tt_iso(b.created_at), bu.username)::tt_lookup_bag,
    CASE WHEN k.code IS NULL THEN NULL ELSE
      ROW(k.code, k.label, k.prefix, k.pattern, k.max_children, k.expected_kg)::tt_lookup_kind END,
    CASE WHEN p.id IS NULL THEN NULL ELSE
      ROW(p.qr, p.kind, p.status, p.child_count, coalesce(pk.max_children, 0), p.weight_kg,
          p.dispatch_area, tt_iso(b.linked_at))::tt_lookup_parent END,
    CASE WHEN b.type = 'parent' AND b.child_count > 0 THEN
      (SELECT coalesce(json_agg(to_json(ROW(ch.qr, ch.type, ch.kind, ch.status, ch.child_count,
          ch.weight_kg, ch.dispatch_area, tt_iso(ch.created_at),
          (SELECT username FROM users u WHERE u.id = ch.created_by))::tt_lookup_bag)
          ORDER BY ch.linked_at, ch.id), '[]'::json)
       FROM bags ch WHERE ch.parent_id = b.id)
      ELSE '[]'::json END,
    (SELECT ROW(bl.bill_no, bl.status)::tt_lookup_bill
       FROM bills bl WHERE bl.id = coalesce(b.bill_id, p.bill_id)))::tt_lookup)::text END
  FROM json_array_elements_text(p_codes) WITH ORDINALITY AS c(code, n)
  LEFT JOIN bags b ON b.qr = c.code
  LEFT JOIN users bu ON bu.id = b.created_by
  LEFT JOIN bag_kinds k ON k.code = b.kind
  LEFT JOIN bags p ON p.id = b.parent_id
  LEFT JOIN bag_kinds pk ON pk.code = p.kind
  ORDER BY c.n;
END $$;
