import { allowedCallEvents } from '../../domain/calls/call-state.js';
import type { ApplicationStage, ApplicationStatus, CallStatus } from '../../domain/calls/vocabulary.js';
import { decide } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { type CallRow, managesProgram, readsProgramApplications } from './call-access.js';

// What the actor may do with a call and its applications, computed by the same policy and state
// machines the services enforce, so the UI shows only the buttons that will work (no 403, no 409).

/** The call status changes the API exposes as routes (POST /api/calls/:id/publish | close | cancel). */
const ROUTED_EVENTS = ['publish', 'close', 'cancel'] as const;
type RoutedEvent = (typeof ROUTED_EVENTS)[number];

export interface CallPermissions {
  edit: boolean;
  publish: boolean;
  close: boolean;
  cancel: boolean;
  readApplications: boolean;
  shortlist: boolean;
  apply: boolean;
}

const allows = (actor: Actor, action: Parameters<typeof decide>[1]) => decide(actor, action) === 'allow';

/** Officers of the program manage the call; officers and officials read its applications. */
export function callPermissions(actor: Actor, call: Pick<CallRow, 'programId' | 'status' | 'stages'>): CallPermissions {
  const manages = allows(actor, 'calls.manage') && managesProgram(actor, call.programId);
  const events = new Set<string>(manages ? allowedCallEvents(call.status as CallStatus) : []);
  const may = (event: RoutedEvent) => events.has(event);
  return {
    // Drafts take any change; a published call only a later deadline (update-call.ts).
    edit: manages && (call.status === 'draft' || call.status === 'published'),
    publish: may('publish'),
    close: may('close'),
    cancel: may('cancel'),
    readApplications: allows(actor, 'calls.applications.read') && readsProgramApplications(actor, call.programId),
    shortlist: manages && call.stages === 2,
    apply: actor.kind === 'account' && allows(actor, 'applications.write'),
  };
}

/** Whether the actor may decide this application now: an undecided letter of intent of a call they manage. */
export function canShortlist(
  permissions: Pick<CallPermissions, 'shortlist'>,
  application: { stage: ApplicationStage | string; status: ApplicationStatus | string },
): boolean {
  return permissions.shortlist && application.stage === 'letter_of_intent' && application.status === 'submitted';
}
