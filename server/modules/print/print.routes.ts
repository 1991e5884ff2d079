import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { BillParams } from '../../../common/contracts/bills.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import { PRINT_CSS } from './print-css.js';
import { PRINT_CSS_PATH } from './print-html.js';
import { PrintBillQuery, PrintDayQuery, PrintDocument } from './print.schemas.js';
import type { PrintOutput, PrintService } from './print.service.js';

function sendDocument(reply: FastifyReply, output: PrintOutput) {
  if (output.disposition) {
    void reply.header('Content-Disposition', output.disposition);
  }
  return reply.type(output.contentType).send(output.body);
}

/** Print views (API.md "Bills": GET /api/print/bill/:billNo, GET /api/print/summary). */
const printRoutes: FastifyPluginAsyncTypebox<{ print: PrintService }> = async (app, { print }) => {
  const tags = ['print'];

  app.get(
    PRINT_CSS_PATH,
    {
      schema: {
        tags,
        summary: 'Stylesheet of the print pages (A4 portrait)',
        response: {
          200: { description: 'text/css', content: { 'text/css': { schema: Type.String() } } },
        },
      },
    },
    async (_request, reply) =>
      reply
        .header('Cache-Control', 'public, max-age=3600')
        .type('text/css; charset=utf-8')
        .send(PRINT_CSS),
  );

  app.get(
    '/api/print/bill/:billNo',
    {
      schema: {
        tags,
        summary: 'Print view of a bill: HTML page, or ?format=pdf',
        params: BillParams,
        querystring: PrintBillQuery,
        response: { 200: PrintDocument, ...errorResponses(400, 401, 404) },
      },
      onRequest: app.requireAuth(),
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await print.printBill(ctxFrom(request), request.params.billNo, request.query.format),
      ),
  );

  app.get(
    '/api/print/summary',
    {
      schema: {
        tags,
        summary: 'Daily summary of the bills created on a local day: HTML page, or ?format=pdf',
        description:
          '`date` (YYYY-MM-DD, TIME_ZONE) defaults to today. Billers get their own bills.',
        querystring: PrintDayQuery,
        response: { 200: PrintDocument, ...errorResponses(400, 401, 403) },
      },
      onRequest: app.requireAuth('admin', 'biller'),
    },
    async (request, reply) =>
      sendDocument(reply, await print.printDay(ctxFrom(request), request.query)),
  );
};

export default printRoutes;
