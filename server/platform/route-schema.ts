import { Type, type TSchema } from 'typebox';
import { ErrorBody } from '../../common/contracts/common.js';

/** Error responses for the OpenAPI document (and serialization) of a route. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const status of statuses) {
    out[status] = ErrorBody;
  }
  return out;
}

/** The content type of every JSON answer, set by hand where a body is sent as ready text. */
export const JSON_UTF8 = 'application/json; charset=utf-8';

export const NoContent = Type.Null({ description: 'No content' });
