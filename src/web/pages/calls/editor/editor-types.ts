import type { Errors } from '../../applications/document.js';
import type { CallForm } from './call-form.js';

export type SetForm = (change: (form: CallForm) => CallForm) => void;

export interface EditorSectionProps {
  form: CallForm;
  set: SetForm;
  errors: Errors;
}

export interface RegistryChoices {
  programs: { id: string; name: string }[];
  collections: { id: string; name: string; sampleTypes: string[] }[];
  modules: { id: string; name: string; missionName: string }[];
}

/** Replaces item `index` of a list with the change. */
export const patch = <T>(list: T[], index: number, change: Partial<T>): T[] =>
  list.map((item, i) => (i === index ? { ...item, ...change } : item));
export const without = <T>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);
