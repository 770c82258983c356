import { FY2024_TEAM_RULES } from '../../../shared/recruitment/team-composition.js';
/**
 * The small programme the tab's tests, screenshots and bench work with: a few units, posts and
 * people of every role, HQ, the council and two PTs, the FY2024 call, one convened HQ meeting and a recruitment.
 * No vitest import, so bench scripts can use it too.
 */
import type { Body } from '../../../shared/bodies/body.js';
import type { ProposalCall } from '../../../shared/calls/proposal-call.js';
import type { Meeting } from '../../../shared/meetings/meeting.js';
import { COUNCIL, FY2024_NEW_INITIATIVE_CALL } from '../../support/domain-fixtures.js';
import type { Post } from '../../../shared/organisation/post.js';
import type { Staff } from '../../../shared/organisation/staff.js';
import type { Unit } from '../../../shared/organisation/unit.js';
import { parseItemNumbers } from '../../../shared/plan/item-number.js';
import type { Plan } from '../../../shared/plan/plan.js';
import type { ProjectTeam } from '../../../shared/plan/project-team.js';
import type { GoodPractice } from '../../../shared/practices/good-practice.js';
import type { RecruitmentProject } from '../../../shared/recruitment/recruitment.js';
import type { TeamRole } from '../../../shared/recruitment/team-composition.js';
import type { Milestone } from '../../../shared/schedule/milestone.js';
import type { UseCaseContext } from '../../../shared/use-cases/context.js';
import { staffMember } from '../../support/domain-fixtures.js';

/** 10 May 2024, 10:00 JST: the individual track of the FY2024 call is open for 7 more days. */
export const NOW = new Date('2024-05-10T10:00:00+09:00');

export const UNITS: Unit[] = [
  { id: 'seisaku-keiei-bu', name: '政策経営部', kind: 'department' },
  { id: 'seisaku-kikaku-ka', name: '政策企画課', kind: 'section', parentId: 'seisaku-keiei-bu' },
  { id: 'zaisei-ka', name: '財政課', kind: 'section', parentId: 'seisaku-keiei-bu' },
  { id: 'dx-ka', name: 'ＤＸ推進担当課', kind: 'section', parentId: 'seisaku-keiei-bu' },
  { id: 'kenko-bu', name: '保健福祉政策部', kind: 'department' },
  { id: 'kucho-shitsu', name: '区長室', kind: 'office' },
];

export const POSTS: Post[] = [
  { id: 'kucho', title: '区長', unitId: 'kucho-shitsu', grade: 'special' },
  { id: 'fukukucho-1', title: '副区長（第1順位）', unitId: 'kucho-shitsu', grade: 'special' },
  { id: 'fukukucho-2', title: '副区長（第2順位）', unitId: 'kucho-shitsu', grade: 'special' },
  { id: 'seisaku-kikaku-kacho', title: '政策企画課長', unitId: 'seisaku-kikaku-ka', grade: 'sectionChief' },
  { id: 'zaisei-kacho', title: '財政課長', unitId: 'zaisei-ka', grade: 'sectionChief' },
];

export const STAFF = {
  mayor: staffMember({ id: 'mayor', displayName: '世田谷 太郎', postId: 'kucho', unitId: 'kucho-shitsu', grade: 'special' }),
  deputy1: staffMember({ id: 'deputy1', displayName: '副区長 一郎', postId: 'fukukucho-1', unitId: 'kucho-shitsu', grade: 'special' }),
  deputy2: staffMember({ id: 'deputy2', displayName: '副区長 二郎', postId: 'fukukucho-2', unitId: 'kucho-shitsu', grade: 'special' }),
  planningChief: staffMember({
    id: 'planning-chief',
    displayName: '企画 課長',
    postId: 'seisaku-kikaku-kacho',
    unitId: 'seisaku-kikaku-ka',
    grade: 'sectionChief',
  }),
  secretary: staffMember({ id: 'secretary', displayName: '事務局 花子', unitId: 'seisaku-kikaku-ka', grade: 'subsectionChief' }),
  author: staffMember({ id: 'author', displayName: '財政 主任', unitId: 'zaisei-ka', grade: 'chief' }),
  outsider: staffMember({ id: 'outsider', displayName: '保健 主事', unitId: 'kenko-bu', grade: 'staff' }),
  ptSecretary: staffMember({ id: 'pt-secretary', displayName: 'ＤＸ 係長', unitId: 'dx-ka', grade: 'subsectionChief' }),
  admin: staffMember({ id: 'admin', displayName: '管理 者', unitId: 'zaisei-ka', grade: 'staff', appRoles: ['admin'] }),
  plCandidate: staffMember({ id: 'pl-candidate', displayName: '財政 係長', unitId: 'zaisei-ka', grade: 'subsectionChief' }),
  member1: staffMember({ id: 'member1', displayName: '保健 主任', unitId: 'kenko-bu', grade: 'chief' }),
  member2: staffMember({ id: 'member2', displayName: '保健 主事二', unitId: 'kenko-bu', grade: 'staff' }),
} satisfies Record<string, Staff>;

export const HQ: Body = {
  id: 'hq',
  kind: 'hq',
  name: '新たな行政経営への移行実現推進本部',
  shortName: '本部',
  nameEn: 'Headquarters',
  secretariatUnitIds: ['seisaku-kikaku-ka'],
  secretariatMayConvene: true,
  roster: [
    { postId: 'kucho', role: 'chair' },
    { postId: 'fukukucho-1', role: 'viceChair', rank: 1 },
    { postId: 'fukukucho-2', role: 'viceChair', rank: 2 },
    { postId: 'seisaku-kikaku-kacho', role: 'member', moderator: true },
  ],
};

const PT_BODIES: Body[] = ['pt-1-4', 'pt-1-24'].map((id) => ({
  id: `body-${id}`,
  kind: 'pt',
  name: id,
  shortName: id,
  nameEn: id,
  roster: [],
  secretariatUnitIds: ['dx-ka'],
  secretariatMayConvene: true,
}));

const team = (id: string, items: string, title: string, category: ProjectTeam['category'], sortOrder: number): ProjectTeam => ({
  id,
  bodyId: `body-${id}`,
  items: parseItemNumbers(items),
  title,
  category,
  topics: [{ number: 1, text: `${title}の検討` }],
  secretariatUnitIds: ['dx-ka'],
  memberUnitIds: ['zaisei-ka'],
  membersOpenEnded: true,
  unassignedUnitIds: [],
  notes: [],
  status: 'active',
  sortOrder,
});
export const TEAMS: ProjectTeam[] = [
  team('pt-1-4', '1-4', '行政手続きのデジタル化', 'crossDepartmental', 1),
  team('pt-1-24', '1‐24', '三層構造の見直し', 'threeLayer', 2),
];

/** The FY2024 new-initiative call as the document states it. */
export const CALL: ProposalCall = FY2024_NEW_INITIATIVE_CALL;

export const HQ_MEETING: Meeting = {
  id: 'hq-2024-2',
  bodyId: 'hq',
  ordinal: 2,
  fiscalYear: 2024,
  startsAt: new Date('2024-05-24T10:00:00+09:00'),
  endsAt: new Date('2024-05-24T11:00:00+09:00'),
  place: '第1委員会室',
  agenda: [{ title: '行政手続きのデジタル化 進捗報告', kind: 'ptProgress', ptId: 'pt-1-4' }],
  guests: [{ name: '外部 有識者', affiliation: '大学' }],
  status: 'convened',
  convenedAt: new Date('2024-05-01T09:00:00+09:00'),
  convenedByStaffId: 'mayor',
  history: [],
  demo: false,
};

const PRACTICES: GoodPractice[] = [
  {
    id: 'gp-2024-2',
    number: 2,
    fiscalYear: 2024,
    title: 'Teamsの有効活用による業務効率化',
    origin: 'internal',
    ownerUnitId: 'dx-ka',
    summary: 'チャネルで情報共有',
    tags: ['Teams'],
  },
  {
    id: 'gp-2024-3',
    number: 3,
    fiscalYear: 2024,
    title: '生成ＡＩを活用した業務改革',
    origin: 'internal',
    ownerUnitId: 'dx-ka',
    summary: '文書作成の効率化',
    tags: ['生成AI'],
  },
  {
    id: 'gp-2024-12',
    number: 12,
    fiscalYear: 2024,
    title: '自治体ＤＸ推進参考事例集',
    origin: 'external',
    publisher: '総務省',
    summary: '他団体の事例',
    tags: [],
    link: 'https://www.soumu.go.jp/',
  },
];

/** The proposal-based PT schedule as the source lists it: "April" after June is kept and flagged. */
const MILESTONES: Milestone[] = [
  ['launch', '2024-04', '制度開始・テーマ募集'],
  ['callCloses', '2024-06', 'テーマ募集締切'],
  ['contentAdjustment', '2024-04', '内容調整'],
  ['selection', '2024-08', '選定・メンバー公募'],
].map(([kind, month, label], index) => ({
  id: `ppt-${index + 1}`,
  scheduleId: 'fy2024-proposal-pt',
  fiscalYear: 2024,
  sourceOrder: index + 1,
  month: month!,
  kind: kind as Milestone['kind'],
  label: label!,
  status: 'planned',
}));

/** A proposal-based PT recruiting members from 1 May to 31 May 2024, with applications for every seat. */
export const RECRUITMENT: RecruitmentProject = {
  id: 'rp-1',
  fiscalYear: 2024,
  title: '窓口手続きのオンライン化',
  description: '複数の所管課にまたがる窓口手続きを見直す',
  perspective: 'crossCutting',
  opensAt: new Date('2024-05-01T09:00:00+09:00'),
  closesAt: new Date('2024-06-01T00:00:00+09:00'),
  status: 'recruiting',
  demo: false,
};

const APPLICATIONS: [Staff, TeamRole][] = [
  [STAFF.planningChief, 'pm'],
  [STAFF.plCandidate, 'pl'],
  [STAFF.author, 'member'],
  [STAFF.outsider, 'member'],
  [STAFF.member1, 'member'],
];

/** The plan record as the FY2024 file states it (period, commencement, the three perspectives). */
export const PLAN: Plan = {
  id: 'plan-fy2024',
  fiscalYear: 2024,
  name: '新たな行政経営への移行実現プラン',
  fromFiscalYear: 2024,
  toFiscalYear: 2027,
  periodAsPrinted: '令和６年度から令和９年度',
  guideline: { name: '新たな行政経営への移行実現推進本部設置要綱', effectiveFrom: '2024-04-01', asPrinted: '令和６年４月１日から施行する' },
  proposalPtItem: { item: '5-11', title: '執行体制の整備と人材育成' },
  perspectives: [
    {
      id: 'crossCutting',
      viewpoint: 'テーマが複数の所管課にまたがり、横断的な取組みが必要なもの',
      aim: 'プロジェクト化することで柔軟かつ機動的に事業を進めるとともに、職員が庁内・庁外の様々な関係者とかかわる経験の機会を拡充する。',
    },
    {
      id: 'newBusiness',
      viewpoint: '各所管課の課題解決に向けた新規事業立ち上げに関するもの',
      aim: '様々な職員の柔軟な発想を新たな事業の展開に活かすとともに、新規事業の企画・立案にかかわる経験の機会を拡充する。',
    },
    {
      id: 'renewal',
      viewpoint: '各所管課の既存事業のリニューアルに関するもの',
      aim: '様々な職員の柔軟な発想により事業の刷新・リニューアルを図るとともに、時代の変化に対応した事業の見直しにかかわる経験の機会を拡充する。',
    },
  ],
};

/** Writes the small programme every tab test works with. */
export async function seedProgramme(ctx: UseCaseContext): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    for (const unit of UNITS) await tx.units.upsert(unit);
    for (const post of POSTS) await tx.posts.upsert(post);
    for (const person of Object.values(STAFF)) await tx.staff.upsert(person);
    for (const body of [HQ, COUNCIL, ...PT_BODIES]) await tx.bodies.upsert(body);
    for (const pt of TEAMS) await tx.projectTeams.upsert(pt);
    await tx.calls.upsert(CALL);
    await tx.plans.upsert(PLAN);
    await tx.meetings.insert(HQ_MEETING);
    await tx.meetings.upsertRsvp({ meetingId: HQ_MEETING.id, staffId: STAFF.mayor.id, response: 'absent', answeredAt: NOW });
    for (const practice of PRACTICES) await tx.practices.upsert(practice);
    for (const milestone of MILESTONES) await tx.milestones.upsert(milestone);
    await tx.recruitment.upsertTeamRules(2024, FY2024_TEAM_RULES);
    await tx.recruitment.upsertProject(RECRUITMENT);
    for (const [person, desiredRole] of APPLICATIONS) {
      await tx.recruitment.insertApplication({
        id: `app-${person.id}`,
        projectId: RECRUITMENT.id,
        staffId: person.id,
        desiredRole,
        motivation: `${person.displayName}の志望動機`,
        gradeAtApplication: person.grade,
        state: 'applied',
        appliedAt: NOW,
      });
    }
  });
}
