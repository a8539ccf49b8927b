import type { Highs } from 'highs';
import * as highsModule from 'highs';

/**
 * The package types describe a CommonJS module while Node loads its ES build, whose default
 * export is the loader; this reads it the same way under both.
 */
export function loadHighs(): Promise<Highs> {
  const loader = (highsModule as unknown as { default: () => Promise<Highs> }).default;
  return loader();
}
