import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, Uuid } from '../../contracts/common.js';
import * as c from '../../contracts/custody.js';
import { confirmReceipt } from '../../services/custody/confirm-receipt.js';
import { dispatchShipment } from '../../services/custody/dispatch-shipment.js';
import { drawAuditSampleForInspection, listAuditSamples } from '../../services/custody/draw-audit-sample.js';
import { fileInventory } from '../../services/custody/file-inventory.js';
import { fileResearchOutput } from '../../services/custody/file-research-output.js';
import { getLoan } from '../../services/custody/get-loan.js';
import { listDiscrepancies } from '../../services/custody/list-discrepancies.js';
import { listLoans } from '../../services/custody/list-loans.js';
import { listOverdueDuties } from '../../services/custody/list-overdue-duties.js';
import { prepareShipment } from '../../services/custody/prepare-shipment.js';
import { recordHandover } from '../../services/custody/record-handover.js';
import { recordLoanUse } from '../../services/custody/record-loan-use.js';
import { resolveDiscrepancy } from '../../services/custody/resolve-discrepancy.js';
import { loanLabels, sampleLabels, verifySample } from '../../services/custody/sample-labels.js';
import { whereIsWhat } from '../../services/custody/where-is-what.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['custody'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Id = z.object({ id: Uuid });
const Json = z.record(z.string(), z.unknown());
const curatorRead = { action: 'custody.read' as const };
const curatorWrite = { action: 'custody.write' as const };
const ship = { action: 'custody.ship' as const };
const borrow = { action: 'custody.borrow' as const };
const borrowerRead = { action: 'custody.borrower.read' as const };

/** Loans in custody: the curator's views and actions, the borrower's portal, labels and their verification. */
export function custodyLoanRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const base = (request: FastifyRequest) => ctx.publicUrl ?? `${request.protocol}://${request.host}`;
  const json = { 200: Json, ...errors };
  const created = { 201: Json, ...errors };

  api.get(
    '/api/custody/loans',
    { config: curatorRead, schema: { tags, summary: 'Loans of the curator’s collections', response: json } },
    async (r) => listLoans(db, actorOf(r), 'curator'),
  );
  api.get(
    '/api/borrower/loans',
    { config: borrowerRead, schema: { tags, summary: 'Loans of the borrower’s institutions', response: json } },
    async (r) => listLoans(db, actorOf(r), 'borrower'),
  );
  api.get(
    '/api/loans/:id',
    {
      config: borrowerRead,
      schema: { tags, summary: 'A loan: items, shipments, discrepancies, duties, reports', params: Id, response: json },
    },
    async (r) => getLoan(db, actorOf(r), r.params.id),
  );
  api.get(
    '/api/custody/overdue',
    { config: curatorRead, schema: { tags, summary: 'Overdue borrower duties, oldest first', response: json } },
    async (r) => listOverdueDuties(db, actorOf(r)),
  );
  api.get(
    '/api/custody/where',
    {
      config: curatorRead,
      schema: {
        tags,
        summary: 'What is where: in store, in transit, with which borrower in which country',
        querystring: z.object({ custodian: z.enum(['agency', 'courier', 'borrower']).optional() }),
        response: json,
      },
    },
    async (r) => whereIsWhat(db, actorOf(r), r.query),
  );
  api.get(
    '/api/custody/discrepancies',
    { config: curatorRead, schema: { tags, summary: 'Receipt discrepancies', response: json } },
    async (r) => listDiscrepancies(db, actorOf(r)),
  );
  api.get(
    '/api/custody/audit-samples',
    { config: curatorRead, schema: { tags, summary: 'Audit samples drawn', response: json } },
    async (r) => listAuditSamples(db, actorOf(r)),
  );
  api.post(
    '/api/custody/audit-samples',
    {
      config: curatorWrite,
      schema: {
        tags,
        summary: 'Draw a seeded random audit sample of subsamples held by borrowers',
        body: c.AuditSampleBody,
        response: created,
      },
    },
    async (r, reply) => reply.status(201).send(await drawAuditSampleForInspection(db, actorOf(r), r.body)),
  );
  api.post(
    '/api/loans/:id/shipments',
    {
      config: curatorWrite,
      schema: {
        tags,
        summary: 'Prepare an outbound shipment with its packing list',
        params: Id,
        body: c.ShipmentBody,
        response: created,
      },
    },
    async (r, reply) => reply.status(201).send(await prepareShipment(db, actorOf(r), r.params.id, 'outbound', r.body)),
  );
  api.post(
    '/api/loans/:id/returns',
    {
      config: borrow,
      schema: { tags, summary: 'Prepare a return shipment (borrower)', params: Id, body: c.ShipmentBody, response: created },
    },
    async (r, reply) => reply.status(201).send(await prepareShipment(db, actorOf(r), r.params.id, 'return', r.body)),
  );
  api.post(
    '/api/shipments/:id/dispatch',
    {
      config: ship,
      schema: { tags, summary: 'Hand the shipment to the courier', params: Id, body: c.PlaceBody, response: json },
    },
    async (r) => dispatchShipment(db, actorOf(r), r.params.id, r.body),
  );
  api.post(
    '/api/shipments/:id/handovers',
    {
      config: ship,
      schema: { tags, summary: 'Record a hand-over in transit', params: Id, body: c.HandoverBody, response: json },
    },
    async (r) => recordHandover(db, actorOf(r), r.params.id, r.body),
  );
  api.post(
    '/api/shipments/:id/receipt',
    {
      config: ship,
      schema: { tags, summary: 'Confirm receipt with measured masses', params: Id, body: c.ReceiptBody, response: json },
    },
    async (r) => confirmReceipt(db, actorOf(r), r.params.id, r.body),
  );
  api.post(
    '/api/discrepancies/:id/resolution',
    {
      config: curatorWrite,
      schema: { tags, summary: 'Resolve a receipt discrepancy (once)', params: Id, body: c.ResolutionBody, response: json },
    },
    async (r) => resolveDiscrepancy(db, actorOf(r), r.params.id, r.body),
  );
  api.post(
    '/api/loans/:id/uses',
    {
      config: borrow,
      schema: {
        tags,
        summary: 'Record consumption or a loss of a held subsample',
        params: Id,
        body: c.LoanUseBody,
        response: json,
      },
    },
    async (r) => recordLoanUse(db, actorOf(r), r.params.id, r.body),
  );
  api.post(
    '/api/loans/:id/inventories',
    {
      config: borrow,
      schema: { tags, summary: 'File the annual inventory', params: Id, body: c.InventoryBody, response: created },
    },
    async (r, reply) => reply.status(201).send(await fileInventory(db, actorOf(r), r.params.id, r.body)),
  );
  api.post(
    '/api/loans/:id/outputs',
    {
      config: borrow,
      schema: {
        tags,
        summary: 'File a research report or a publication',
        params: Id,
        body: c.ResearchOutputBody,
        response: created,
      },
    },
    async (r, reply) => reply.status(201).send(await fileResearchOutput(db, actorOf(r), r.params.id, r.body)),
  );
  api.get(
    '/api/loans/:id/labels.pdf',
    {
      config: curatorRead,
      schema: { tags, summary: 'Labels with QR codes for the loan’s subsamples (PDF)', params: Id, response: { 404: Problem } },
    },
    async (r, reply) => reply.type('application/pdf').send((await loanLabels(db, actorOf(r), r.params.id, base(r))) as never),
  );
  api.get(
    '/api/samples/:id/labels.pdf',
    {
      config: curatorRead,
      schema: {
        tags,
        summary: 'Labels with QR codes for a sample and its subsamples (PDF)',
        params: Id,
        response: { 404: Problem },
      },
    },
    async (r, reply) => reply.type('application/pdf').send((await sampleLabels(db, actorOf(r), r.params.id, base(r))) as never),
  );
  api.get(
    '/api/verify/samples/:number',
    {
      config: { action: 'custody.verify' as const },
      schema: {
        tags,
        summary: 'Is this a genuine sample number (the label’s QR code)',
        params: z.object({ number: z.string().max(80) }),
        response: json,
      },
    },
    async (r) => verifySample(db, actorOf(r), r.params.number),
  );
}
