import { invalid } from './errors.js';

/**
 * Opaque keyset cursors: base64url of a small JSON object. A malformed cursor is a VALIDATION
 * error, never a 500. Keyset paging keeps deep pages as cheap as page one.
 */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** @throws VALIDATION when the cursor was not made by encodeCursor with these keys */
export function decodeCursor<K extends string>(
  cursor: string,
  keys: Record<K, 'string' | 'number'>,
): Record<K, string | number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('Malformed cursor.', { field: 'cursor' });
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw invalid('Malformed cursor.', { field: 'cursor' });
  }
  const record = parsed as Record<string, unknown>;
  const out = {} as Record<K, string | number>;
  for (const key of Object.keys(keys) as K[]) {
    const value = record[key];
    const ok =
      keys[key] === 'number'
        ? typeof value === 'number' && Number.isSafeInteger(value)
        : typeof value === 'string' && value.length <= 100;
    if (!ok) {
      throw invalid('Malformed cursor.', { field: 'cursor' });
    }
    out[key] = value as string | number;
  }
  return out;
}

/** Builds `{ items, nextCursor }` from a page fetched with limit + 1 rows. */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
  cursorOf: (row: Row) => string,
): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(present),
    nextCursor: more && last !== undefined ? cursorOf(last) : null,
  };
}
