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

export const NoContent = Type.Null({ description: 'No content' });
