/** The kinds of body the programme has. */
/**
 * The kinds of body the programme has. `event`: a gathering the 庶務 secretariat schedules itself,
 * with no roster of its own (各課ヒアリング, 特別職と各部長との意見交換会); PT progress is reported there too.
 */
export type BodyKind = 'hq' | 'council' | 'pt' | 'proposalPt' | 'event';

/** A post's role in a body. The moderator (司会) is a member who also runs the meeting. */
export type BodyRole = 'chair' | 'viceChair' | 'member';

/**
 * One roster line: a post and its role. `rank` orders vice-chairs for the acting-chair rule
 * (第1順位 = 1); a vice-chair without a rank (e.g. 教育長) comes after all ranked ones.
 */
export interface RosterEntry {
  readonly postId: string;
  readonly role: BodyRole;
  readonly rank?: number | undefined;
  readonly moderator?: boolean | undefined;
}

/**
 * A body that meets: HQ, the promotion council, a PT or a proposal-based PT. The roster lists
 * posts; `secretariatUnitIds` lists the units that do its paperwork (庶務 / 事務局).
 */
export interface Body {
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: string;
  readonly shortName: string;
  readonly nameEn: string;
  readonly roster: readonly RosterEntry[];
  readonly secretariatUnitIds: readonly string[];
  /**
   * Whether the secretariat units convene this body themselves: PTs and the two events (hearings,
   * the exchange meeting). Not honoured for HQ and the council, which are convened by their
   * chairs while their 庶務 prepares drafts (要綱 art. 4, 5(3), 7).
   */
  readonly secretariatMayConvene: boolean;
  /** The guideline that sets the body up and the day it took effect (附則: 2024-04-01). */
  readonly guideline?: string | undefined;
  readonly effectiveFrom?: string | undefined;
  /** Why the body exists, as the guideline words it (第１条, 第５条). */
  readonly purpose?: string | undefined;
  /** 所掌事項, numbered and worded as in the guideline (第２条), and where they are stated. */
  readonly remit?: readonly RemitItem[] | undefined;
  readonly remitSource?: string | undefined;
}

/** One numbered item of a body's 所掌事項. */
export interface RemitItem {
  readonly number: number;
  readonly text: string;
}

export function chairEntry(body: Body): RosterEntry | undefined {
  return body.roster.find((entry) => entry.role === 'chair');
}
