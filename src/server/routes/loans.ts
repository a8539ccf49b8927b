import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../contracts/agreements.js';
import { Problem, Uuid } from '../../contracts/common.js';
import { authorize } from '../../policies/policy.js';
import { borrowerStanding } from '../../services/loans/borrower-standing.js';
import { listLoans } from '../../services/loans/list-loans.js';
import { openLoan } from '../../services/loans/open-loan.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['loans'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Loans: the curator opens one from prepared subsamples under an agreement in force. */
export function loanRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  api.get(
    '/api/loans',
    {
      config: { action: 'loans.read' as const },
      schema: {
        tags,
        summary: 'Loans, their items and current custodians',
        querystring: z.object({ agreementId: Uuid.optional() }),
        response: { 200: z.array(c.Loan), ...errors },
      },
    },
    async (request) => listLoans(db, actorOf(request), request.query),
  );
  api.post(
    '/api/loans',
    {
      config: { action: 'loans.open' as const },
      schema: {
        tags,
        summary: 'Split the subsamples and open a loan under a sample-loan agreement in force',
        body: c.OpenLoanBody,
        response: { 201: c.OpenedLoan, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await openLoan(db, actorOf(request), request.body)),
  );
  api.get(
    '/api/institutions/:id/borrower-standing',
    {
      config: { action: 'loans.read' as const },
      schema: {
        tags,
        summary: 'Is this institution blocked from new allocations, and why',
        params: z.object({ id: Uuid }),
        response: { 200: c.Standing, ...errors },
      },
    },
    async (request) => {
      authorize(actorOf(request), 'loans.read');
      return borrowerStanding(db, request.params.id);
    },
  );
}
