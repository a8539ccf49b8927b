import { ERROR_CODES } from '../errors.js';
import type { ProblemCatalogue } from './catalogue.js';

// English is the source language: the services' own sentences are the English messages.
export const EN_PROBLEMS: ProblemCatalogue = {
  codes: ERROR_CODES,
  server: {
    fieldsInvalid: '{{count}} fields are invalid.',
    fieldMessage: '{{field}}: {{message}}',
    invalidValue: 'Invalid value.',
    sendJson: 'Send the request body as application/json.',
    cannotStore: 'A value in the request cannot be stored (an invalid character, or a value of the wrong kind or size).',
    noRoute: 'No route {{method}} {{path}}.',
  },
  messages: {},
};
