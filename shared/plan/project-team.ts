import { coveredUnitIds } from '../organisation/unit-coverage.js';
import type { Unit } from '../organisation/unit.js';
import type { ItemNumber } from './item-number.js';

/**
 * PT categories. `threeLayer` PTs (三層構造にかかるＰＴ, based on the DX promotion committee) are
 * listed 【参考】 "for reference" in the programme's PT list.
 */
export type PtCategory = 'crossDepartmental' | 'threeLayer';

export type PtStatus = 'active' | 'paused' | 'closed';

/** A numbered study topic (①②③…). */
export interface StudyTopic {
  readonly number: number;
  readonly text: string;
}

/**
 * A cross-departmental project team attached to one or more plan items.
 * `unassignedUnits` holds units the source lists without showing whether they are secretariat
 * or members (the PDF column break in 4-2 and 5-2); an administrator resolves them.
 */
export interface ProjectTeam {
  readonly id: string;
  readonly bodyId: string;
  readonly items: readonly ItemNumber[];
  readonly title: string;
  readonly category: PtCategory;
  readonly topics: readonly StudyTopic[];
  readonly secretariatUnitIds: readonly string[];
  readonly memberUnitIds: readonly string[];
  /**
   * Every unit whose staff the team expects: its secretariat and member entries with what they
   * cover (a department's sections, 各支所地域振興課's sections). Derived from the organisation data
   * when the programme is imported; the entries above stay as printed, for display.
   */
  readonly expectedUnitIds?: readonly string[] | undefined;
  /** How the source prints a unit in this PT's row, where it differs from the unit's name (各支所地域振興課). */
  readonly printedNames?: Readonly<Record<string, string>> | undefined;
  /** The source's member list ends in 「など」: other units may join. */
  readonly membersOpenEnded: boolean;
  readonly unassignedUnitIds: readonly string[];
  readonly notes: readonly string[];
  /** Topics led by a unit other than the secretariat (5-13: ① and ⑥ by 災害対策課). */
  readonly topicLeads?: readonly TopicLead[] | undefined;
  readonly status: PtStatus;
  /** Position in the source list, for a stable display order. */
  readonly sortOrder: number;
}

/** A unit that leads some of a PT's study topics (by topic number). */
export interface TopicLead {
  readonly topics: readonly number[];
  readonly unitId: string;
}

/** The unit leading topic `number`, when the source names one. */
export function topicLeadOf(team: Pick<ProjectTeam, 'topicLeads'>, number: number): string | undefined {
  return team.topicLeads?.find((lead) => lead.topics.includes(number))?.unitId;
}

/** Units appear in display form `1-4` or `3-12/3‐13` (the source's own spelling). */
export function displayItemNumbers(team: Pick<ProjectTeam, 'items'>): string {
  return team.items.map((item) => item.original).join('/');
}

/** A unit as this PT's row prints it: 1-38 prints 各支所地域振興課 where 1-5 prints 支所地域振興課. */
export function unitAsPrinted(team: Pick<ProjectTeam, 'printedNames'>, unitId: string, unitName: (id: string) => string): string {
  return team.printedNames?.[unitId] ?? unitName(unitId);
}

/** The team with every unit its secretariat and member entries cover (shared/organisation/unit-coverage.ts). */
export function withExpectedUnits(team: ProjectTeam, units: readonly Unit[]): ProjectTeam {
  return { ...team, expectedUnitIds: coveredUnitIds([...team.secretariatUnitIds, ...team.memberUnitIds], units) };
}

/** True when the team expects staff of `unitId`: its secretariat and member entries, with what they cover. */
export function expectsUnit(team: Pick<ProjectTeam, 'secretariatUnitIds' | 'memberUnitIds' | 'expectedUnitIds'>, unitId: string): boolean {
  return (team.expectedUnitIds ?? [...team.secretariatUnitIds, ...team.memberUnitIds]).includes(unitId);
}

/** True when `key` (a folded item number) is one of the team's items. */
export function coversItem(team: Pick<ProjectTeam, 'items'>, key: string): boolean {
  return team.items.some((item) => item.key === key);
}

/** A progress report (structure, schedule, progress, issues) given at a meeting. */
export interface ProgressReport {
  readonly id: string;
  readonly ptId: string;
  readonly meetingId?: string | undefined;
  readonly reportedAt: Date;
  readonly authorStaffId: string;
  readonly structure: string;
  readonly schedule: string;
  readonly progress: string;
  readonly issues: string;
}
