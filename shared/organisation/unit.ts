/** Kinds of organisational unit found in the city's documents. */
export type UnitKind = 'office' | 'department' | 'branch' | 'section' | 'facility' | 'other';

/**
 * An organisational unit (部, 課, 総合支所, 担当課 …). `name` is the display form from the source
 * document; matching always uses the folded form (`foldText`), so `ＤⅩ推進担当課` and `ＤＸ推進担当課`
 * are the same unit.
 */
export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  /** The department a section belongs to, when known. */
  readonly parentId?: string | undefined;
  /** Other spellings seen in documents; searched like the name. */
  readonly aliases?: readonly string[] | undefined;
  /**
   * For an entry that stands for a group (各総合支所) or several sections (支所区民課・地域振興課):
   * the units it covers, by rule (see `coveredUnitIds`).
   */
  readonly covers?: readonly UnitCoverageRule[] | undefined;
}

/** Units of `kind`, whose parent is of kind `under`, and whose name (without a bracketed branch) is `named`; each part optional. */
export interface UnitCoverageRule {
  readonly kind?: UnitKind | undefined;
  readonly under?: UnitKind | undefined;
  readonly named?: string | undefined;
}
