import { describe, expect, it } from 'vitest';
import {
  APPLICATION_EVENTS,
  APPLICATION_TRANSITIONS,
  allowedApplicationEvents,
  nextApplicationStatus,
} from '../../../src/domain/calls/application-state.js';
import { allowedCallEvents, CALL_EVENTS, CALL_TRANSITIONS, nextCallStatus } from '../../../src/domain/calls/call-state.js';
import { APPLICATION_STATUSES, CALL_STATUSES } from '../../../src/domain/calls/vocabulary.js';
import { AppError } from '../../../src/domain/errors.js';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('call state machine', () => {
  it('has the transitions of the brief, each (state, event) at most once', () => {
    expect(CALL_TRANSITIONS.map((t) => `${t.from} -${t.event}-> ${t.to}`)).toEqual([
      'draft -publish-> published',
      'published -close-> closed',
      'closed -start_review-> in_review',
      'in_review -decide-> decided',
      'draft -cancel-> cancelled',
      'published -cancel-> cancelled',
      'closed -cancel-> cancelled',
    ]);
    const keys = CALL_TRANSITIONS.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // The full matrix: every state × every event is either in the table or refused with CONFLICT.
  for (const from of CALL_STATUSES) {
    for (const event of CALL_EVENTS) {
      const allowed = CALL_TRANSITIONS.find((t) => t.from === from && t.event === event);
      it(`${from} + ${event} → ${allowed ? allowed.to : 'refused'}`, () => {
        if (allowed) {
          expect(nextCallStatus(from, event)).toBe(allowed.to);
          expect(allowedCallEvents(from)).toContain(event);
        } else {
          const error = refusal(() => nextCallStatus(from, event));
          expect(error.code).toBe('CONFLICT');
          expect(error.message).toMatch(/^A call that is .+ cannot be .+\.$/);
          expect(allowedCallEvents(from)).not.toContain(event);
        }
      });
    }
  }

  it('names the state and the event in the refusal', () => {
    expect(refusal(() => nextCallStatus('closed', 'publish')).message).toBe('A call that is closed cannot be published.');
    expect(refusal(() => nextCallStatus('draft', 'close')).message).toBe('A call that is still a draft cannot be closed.');
    expect(refusal(() => nextCallStatus('decided', 'cancel')).message).toBe('A call that is decided cannot be cancelled.');
  });

  it('ends in decided or cancelled, which accept nothing', () => {
    expect(allowedCallEvents('decided')).toEqual([]);
    expect(allowedCallEvents('cancelled')).toEqual([]);
    expect(allowedCallEvents('in_review')).toEqual(['decide']);
  });
});

describe('application state machine', () => {
  it('has the transitions of the brief (submitted → submitted is an amendment)', () => {
    expect(APPLICATION_TRANSITIONS.map((t) => `${t.from} -${t.event}-> ${t.to}`)).toEqual([
      'draft -submit-> submitted',
      'submitted -submit-> submitted',
      'draft -withdraw-> withdrawn',
      'submitted -withdraw-> withdrawn',
      'submitted -shortlist-> shortlisted',
      'submitted -reject_at_shortlist-> not_shortlisted',
    ]);
    const keys = APPLICATION_TRANSITIONS.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  for (const from of APPLICATION_STATUSES) {
    for (const event of APPLICATION_EVENTS) {
      const allowed = APPLICATION_TRANSITIONS.find((t) => t.from === from && t.event === event);
      it(`${from} + ${event} → ${allowed ? allowed.to : 'refused'}`, () => {
        if (allowed) {
          expect(nextApplicationStatus(from, event)).toBe(allowed.to);
          expect(allowedApplicationEvents(from)).toContain(event);
        } else {
          const error = refusal(() => nextApplicationStatus(from, event));
          expect(error.code).toBe('CONFLICT');
          expect(error.message).toMatch(/^An application that is .+ cannot be .+\.$/);
          expect(allowedApplicationEvents(from)).not.toContain(event);
        }
      });
    }
  }

  it('names the state and the event in the refusal', () => {
    expect(refusal(() => nextApplicationStatus('withdrawn', 'submit')).message).toBe(
      'An application that is withdrawn cannot be submitted.',
    );
    expect(refusal(() => nextApplicationStatus('draft', 'shortlist')).message).toBe(
      'An application that is a draft cannot be shortlisted.',
    );
  });

  it('shortlists letters of intent only, when told the stage', () => {
    expect(nextApplicationStatus('submitted', 'shortlist', { stage: 'letter_of_intent' })).toBe('shortlisted');
    expect(nextApplicationStatus('submitted', 'reject_at_shortlist', { stage: 'letter_of_intent' })).toBe('not_shortlisted');
    const error = refusal(() => nextApplicationStatus('submitted', 'shortlist', { stage: 'full_proposal' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('full proposal');
    expect(allowedApplicationEvents('submitted', { stage: 'full_proposal' })).toEqual(['submit', 'withdraw']);
    expect(nextApplicationStatus('submitted', 'submit', { stage: 'full_proposal' })).toBe('submitted');
  });
});
