import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { authorize, holdsScoped, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';

interface Row {
  id: string;
  reference: string;
  version: number;
  kind: string;
  status: string;
  title: string;
  program_id: string;
  call_id: string | null;
  decision_id: string | null;
  institution: string;
  signature_deadline: Date | string | null;
  in_force_at: Date | string | null;
  signatories: number;
  signatures: number;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * The current versions (not superseded ones) the actor may read, optionally of one call, with their
 * signing progress. Officers and officials see their programs'; curators see sample loans.
 */
export async function listAgreements(db: Db, actor: Actor, filter: { callId?: string; status?: string }) {
  authorize(actor, 'agreements.read');
  const rows = await queryRows<Row>(
    db,
    sql`select a.id, a.reference, a.version, a.kind, a.status, a.title, a.program_id, a.call_id, a.decision_id, i.name as institution,
               a.signature_deadline, a.in_force_at,
               (select count(*)::int from agreement_signatories s where s.agreement_id = a.id) as signatories,
               (select count(*)::int from agreement_signatures g where g.agreement_id = a.id) as signatures
        from agreements a join institutions i on i.id = a.institution_id
        where a.status <> 'superseded'
          ${filter.callId ? sql`and a.call_id = ${filter.callId}` : sql``}
          ${filter.status ? sql`and a.status = ${filter.status}` : sql``}
        order by a.reference, a.version`,
  );
  const curator = actor.kind === 'account' && actor.grants.some((g) => g.role === 'curator');
  return rows
    .filter(
      (r) =>
        isAdministrator(actor) ||
        holdsScoped(actor, ['program_officer', 'selection_official'], 'program', r.program_id) ||
        (curator && r.kind === 'sample_loan'),
    )
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      version: r.version,
      kind: r.kind,
      status: r.status,
      title: r.title,
      callId: r.call_id,
      decisionId: r.decision_id,
      institution: r.institution,
      signatureDeadline: iso(r.signature_deadline),
      inForceAt: iso(r.in_force_at),
      signatories: r.signatories,
      signatures: r.signatures,
    }));
}

/** Agreements naming the signed-in person as a signatory, with whether they have signed. */
export async function listMyAgreements(db: Db, actor: Actor) {
  authorize(actor, 'agreements.mine');
  if (actor.kind !== 'account') return [];
  const rows = await queryRows<Row & { signed: boolean; party_name: string }>(
    db,
    sql`select a.id, a.reference, a.version, a.kind, a.status, a.title, i.name as institution, a.signature_deadline, a.in_force_at,
               s.party_name, exists (select 1 from agreement_signatures g where g.signatory_id = s.id) as signed
        from agreement_signatories s join agreements a on a.id = s.agreement_id join institutions i on i.id = a.institution_id
        where lower(s.email) = lower(${actor.email}) and a.status in ('awaiting_signatures', 'in_force', 'expired')
        order by a.signature_deadline nulls last, a.reference`,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    version: r.version,
    kind: r.kind,
    status: r.status,
    title: r.title,
    institution: r.institution,
    partyName: r.party_name,
    signed: r.signed,
    signatureDeadline: iso(r.signature_deadline),
    inForceAt: iso(r.in_force_at),
  }));
}

/** Decisions of a call (selected or conditional) that have no agreement yet: what is left to draft. */
export async function listDecisionsWithoutAgreement(db: Db, actor: Actor, callId: string) {
  authorize(actor, 'agreements.manage');
  const rows = await queryRows<{
    id: string;
    program_id: string;
    title: string;
    institution: string | null;
    outcome: string;
    owner_email: string;
    owner_name: string;
  }>(
    db,
    sql`select d.id, c.program_id, ap.title, i.name as institution, d.outcome, ac.email as owner_email, ac.display_name as owner_name
        from selection_decisions d join calls c on c.id = d.call_id join applications ap on ap.id = d.application_id
        join accounts ac on ac.id = ap.owner_account_id left join institutions i on i.id = ap.lead_institution_id
        where d.call_id = ${callId} and d.outcome in ('selected', 'conditional')
          and not exists (select 1 from agreements a where a.decision_id = d.id and a.status <> 'terminated')
        order by i.name, ap.title`,
  );
  return rows
    .filter((r) => holdsScoped(actor, ['program_officer'], 'program', r.program_id))
    .map((r) => ({
      decisionId: r.id,
      title: r.title,
      institution: r.institution,
      outcome: r.outcome,
      ownerEmail: r.owner_email,
      ownerName: r.owner_name,
    }));
}
