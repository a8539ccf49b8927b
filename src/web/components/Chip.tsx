import { label } from '../format.js';

/** A small pill for a status or kind; `tone` picks its colour. */
export function Chip({ value, tone, text }: { value: string; tone?: string; text?: string }) {
  return <span className={`chip chip--${tone ?? value}`}>{text ?? label(value)}</span>;
}
