import { AppError } from '../errors.js';
import type { CallStatus } from './vocabulary.js';

// The life of a call as an explicit transition table: a transition not listed is refused.

export const CALL_EVENTS = ['publish', 'close', 'start_review', 'decide', 'cancel'] as const;
export type CallEvent = (typeof CALL_EVENTS)[number];

export interface CallTransition {
  from: CallStatus;
  event: CallEvent;
  to: CallStatus;
}

export const CALL_TRANSITIONS: readonly CallTransition[] = [
  { from: 'draft', event: 'publish', to: 'published' },
  { from: 'published', event: 'close', to: 'closed' },
  { from: 'closed', event: 'start_review', to: 'in_review' },
  { from: 'in_review', event: 'decide', to: 'decided' },
  { from: 'draft', event: 'cancel', to: 'cancelled' },
  { from: 'published', event: 'cancel', to: 'cancelled' },
  { from: 'closed', event: 'cancel', to: 'cancelled' },
];

/** How a sentence names a call in a state: "A call that is ___". */
const STATE_PHRASE: Record<CallStatus, string> = {
  draft: 'still a draft',
  published: 'published',
  closed: 'closed',
  in_review: 'in review',
  decided: 'decided',
  cancelled: 'cancelled',
};

/** How a sentence names an event: "… cannot be ___". */
const EVENT_PHRASE: Record<CallEvent, string> = {
  publish: 'published',
  close: 'closed',
  start_review: 'put into review',
  decide: 'decided',
  cancel: 'cancelled',
};

/** The events a call in `from` accepts, in table order (for menus and buttons). */
export function allowedCallEvents(from: CallStatus): CallEvent[] {
  return CALL_TRANSITIONS.filter((t) => t.from === from).map((t) => t.event);
}

/** The state after `event`, or AppError CONFLICT naming the state and the event. */
export function nextCallStatus(from: CallStatus, event: CallEvent): CallStatus {
  const transition = CALL_TRANSITIONS.find((t) => t.from === from && t.event === event);
  if (!transition) {
    throw new AppError('CONFLICT', `A call that is ${STATE_PHRASE[from]} cannot be ${EVENT_PHRASE[event]}.`);
  }
  return transition.to;
}
