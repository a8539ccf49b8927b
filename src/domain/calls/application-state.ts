import { AppError } from '../errors.js';
import type { ApplicationStage, ApplicationStatus } from './vocabulary.js';

// The life of an application as an explicit transition table: a transition not listed is refused.
// submitted → submitted is an amendment (a new version); the deadline is checked by window.ts.
// shortlist / reject_at_shortlist decide letters of intent of two-stage calls only.

export const APPLICATION_EVENTS = ['submit', 'withdraw', 'shortlist', 'reject_at_shortlist'] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export interface ApplicationTransition {
  from: ApplicationStatus;
  event: ApplicationEvent;
  to: ApplicationStatus;
}

export const APPLICATION_TRANSITIONS: readonly ApplicationTransition[] = [
  { from: 'draft', event: 'submit', to: 'submitted' },
  { from: 'submitted', event: 'submit', to: 'submitted' },
  { from: 'draft', event: 'withdraw', to: 'withdrawn' },
  { from: 'submitted', event: 'withdraw', to: 'withdrawn' },
  { from: 'submitted', event: 'shortlist', to: 'shortlisted' },
  { from: 'submitted', event: 'reject_at_shortlist', to: 'not_shortlisted' },
];

const STATE_PHRASE: Record<ApplicationStatus, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  withdrawn: 'withdrawn',
  shortlisted: 'shortlisted',
  not_shortlisted: 'not shortlisted',
};

const EVENT_PHRASE: Record<ApplicationEvent, string> = {
  submit: 'submitted',
  withdraw: 'withdrawn',
  shortlist: 'shortlisted',
  reject_at_shortlist: 'turned down at the shortlist',
};

const SHORTLIST_EVENTS: readonly ApplicationEvent[] = ['shortlist', 'reject_at_shortlist'];

/** The events an application in `from` accepts, in table order. */
export function allowedApplicationEvents(from: ApplicationStatus, context?: { stage: ApplicationStage }): ApplicationEvent[] {
  return APPLICATION_TRANSITIONS.filter(
    (t) => t.from === from && !(context && context.stage !== 'letter_of_intent' && SHORTLIST_EVENTS.includes(t.event)),
  ).map((t) => t.event);
}

/**
 * The state after `event`, or AppError CONFLICT naming the state and the event. Pass `context`
 * to also refuse shortlisting anything but a letter of intent (the only shortlisted stage).
 */
export function nextApplicationStatus(
  from: ApplicationStatus,
  event: ApplicationEvent,
  context?: { stage: ApplicationStage },
): ApplicationStatus {
  const transition = APPLICATION_TRANSITIONS.find((t) => t.from === from && t.event === event);
  if (!transition) {
    throw new AppError('CONFLICT', `An application that is ${STATE_PHRASE[from]} cannot be ${EVENT_PHRASE[event]}.`);
  }
  if (context && context.stage !== 'letter_of_intent' && SHORTLIST_EVENTS.includes(event)) {
    throw new AppError(
      'CONFLICT',
      `Only letters of intent of two-stage calls are shortlisted; a full proposal cannot be ${EVENT_PHRASE[event]}.`,
    );
  }
  return transition.to;
}
