import { Type, type Static, type TSchema } from 'typebox';
import { ERROR_CODES, type ErrorCode } from '../error-codes.js';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '../validation.js';

/** The error body of API.md, answered by every non-2xx response. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.Unsafe<ErrorCode>({
        type: 'string',
        enum: [...ERROR_CODES],
        description: 'Stable, machine-readable code',
      }),
      message: Type.String({ description: 'For people; never parse it' }),
      details: Type.Record(Type.String(), Type.Unknown(), {
        description: 'More about the error; {} when there is nothing more',
      }),
    }),
    requestId: Type.String(),
  },
  { description: 'Error body shared by every non-2xx answer' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** `?limit=&cursor=` of every list (API.md Lists). */
export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: PAGE_LIMIT_MAX,
      default: PAGE_LIMIT_DEFAULT,
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Opaque, from the previous nextCursor',
    }),
  ),
};

/** `{ items, nextCursor }` wrapper of every list. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

export const IsoDateTime = Type.String({ format: 'date-time' });
export const NullableDateTime = Type.Union([IsoDateTime, Type.Null()]);
