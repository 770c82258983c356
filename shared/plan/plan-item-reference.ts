import { coversItem, type ProjectTeam } from './project-team.js';

/**
 * A plan item as a proposal names it: its number as the programme prints it (`2‐24`) and its
 * title where the programme data has one. The PT list is the only place that data gives item
 * titles (a PT is named after its item sheet), so an item without a PT shows its number alone.
 */
export interface PlanItemReference {
  /** The folded key the proposal stores (`2-24`). */
  readonly key: string;
  readonly number: string;
  readonly title?: string | undefined;
  /** The PT that covers the item, when there is one. */
  readonly ptId?: string | undefined;
}

/** Looks a folded item key up among the PTs. */
export function planItemReference(key: string, teams: readonly ProjectTeam[]): PlanItemReference {
  const team = teams.find((candidate) => coversItem(candidate, key));
  const item = team?.items.find((candidate) => candidate.key === key);
  return { key, number: item?.original ?? key, title: team?.title, ptId: team?.id };
}

/** `1-4 行政手続きのデジタル化`, or the number alone when the title is unknown. */
export function planItemLabel(reference: Pick<PlanItemReference, 'number' | 'title'>): string {
  return reference.title ? `${reference.number} ${reference.title}` : reference.number;
}
