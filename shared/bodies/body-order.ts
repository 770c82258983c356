import { compareItemText } from '../plan/item-order.js';
import type { Body, BodyKind } from './body.js';

/** HQ first, then the council, the events, the PTs and the proposal-based PTs. */
const KIND_ORDER: Readonly<Record<BodyKind, number>> = { hq: 0, council: 1, event: 2, pt: 3, proposalPt: 4 };

/**
 * The display order of bodies in every list and filter: by kind, then PTs by plan item number
 * (`1-4` before `1-22`; the store lists bodies by id, where `pt-1-22` sorts before `pt-1-4`).
 */
export function compareBodies(a: Pick<Body, 'kind' | 'id' | 'shortName'>, b: Pick<Body, 'kind' | 'id' | 'shortName'>): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareItemText(a.shortName, b.shortName) || compareItemText(a.id, b.id);
}
