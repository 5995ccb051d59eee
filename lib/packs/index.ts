/** The built-in packs. */
import nasional from './nasional-2024.json';
import { compilePacks, type Engine } from '../rules/engine';
import type { RulePack } from '../rules/types';

export const nationalPack = nasional as unknown as RulePack;

/** An engine with the built-in national pack and any extra packs on top (validated, in order). */
export function createEngine(extra: readonly unknown[] = []): Engine {
  return compilePacks([nationalPack, ...extra]);
}
