import { Type, type Static } from 'typebox';
import { DayDate } from '../../../common/contracts/eod.js';

/** `?format=`: the print page (default) or a PDF made on the server. */
export const PrintFormat = Type.Union([Type.Literal('html'), Type.Literal('pdf')], {
  default: 'html',
  description: 'html (default): the print page; pdf: a PDF made on the server',
});
export type PrintFormat = Static<typeof PrintFormat>;

export const PrintBillQuery = Type.Object(
  { format: Type.Optional(PrintFormat) },
  { additionalProperties: false },
);

export const PrintDayQuery = Type.Object(
  { date: Type.Optional(DayDate), format: Type.Optional(PrintFormat) },
  { additionalProperties: false },
);
export type PrintDayQuery = Static<typeof PrintDayQuery>;

/** The documented answers: an HTML page or a PDF (both streamed, not JSON). */
export const PrintDocument = {
  description: 'text/html (print page) or application/pdf',
  content: {
    'text/html': { schema: Type.String() },
    'application/pdf': { schema: Type.String({ format: 'binary' }) },
  },
};
