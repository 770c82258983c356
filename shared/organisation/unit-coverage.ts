import type { Unit, UnitCoverageRule } from './unit.js';

/**
 * What an entry of a PT's list stands for. The list names units (政策企画課), departments and
 * branches (地域行政部, 世田谷総合支所: every section under them), and groups or compounds whose
 * sections the organisation data describes by rule (各総合支所: every branch; 各支所地域振興課: the
 * 地域振興課 of every branch). A staff member of 地域振興課（世田谷） is thus expected in 1-38's PT.
 * The printed entry stays what is displayed; this only answers who it covers.
 */
export function coveredUnitIds(entryIds: readonly string[], units: readonly Unit[]): string[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const entries = entryIds.map((id) => byId.get(id)).filter((unit): unit is Unit => unit !== undefined);
  const covered = new Set(entryIds);
  for (const unit of units) {
    const lineage = [unit, ...ancestorsOf(unit, byId)];
    const isCovered = entries.some(
      (entry) => lineage.some((link) => link.id === entry.id) || (entry.covers ?? []).some((rule) => lineage.some((link) => matchesRule(link, rule, byId))),
    );
    if (isCovered) covered.add(unit.id);
  }
  return [...covered];
}

/** The units above `unit`, nearest first; a cycle in the data stops the walk. */
function ancestorsOf(unit: Unit, byId: ReadonlyMap<string, Unit>): Unit[] {
  const ancestors: Unit[] = [];
  const seen = new Set([unit.id]);
  for (
    let parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    parent && !seen.has(parent.id);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined
  ) {
    ancestors.push(parent);
    seen.add(parent.id);
  }
  return ancestors;
}

function matchesRule(unit: Unit, rule: UnitCoverageRule, byId: ReadonlyMap<string, Unit>): boolean {
  if (rule.kind && unit.kind !== rule.kind) return false;
  if (rule.under && (unit.parentId ? byId.get(unit.parentId)?.kind : undefined) !== rule.under) return false;
  return rule.named === undefined || baseName(unit.name) === rule.named;
}

/** 「地域振興課（世田谷）」 → 「地域振興課」: a branch's section is written with its branch in brackets. */
function baseName(name: string): string {
  return name.replace(/[（(][^）)]*[）)]$/, '');
}
