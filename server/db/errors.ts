/** True when `error` (or its cause) is PostgreSQL's unique violation on `constraint`. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (pg.code === '23505') {
      const name = pg.constraint_name ?? pg.constraint;
      return constraint === undefined || name === constraint;
    }
  }
  return false;
}
