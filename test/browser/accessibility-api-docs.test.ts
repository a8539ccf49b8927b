import { defineApiDocsCheck } from './accessibility/sweep.js';

// The API docs page with an operation of every area open, in both languages: see accessibility/sweep.ts.
defineApiDocsCheck();
