import { parseDocument } from 'yaml';
import type { Body } from '../bodies/body.js';
import { DEFAULT_REMINDER_POLICY, type CallTrack, type ProposalCall } from '../calls/proposal-call.js';
import { DomainError } from '../domain-error.js';
import type { Post } from '../organisation/post.js';
import type { Unit } from '../organisation/unit.js';
import { parseItemNumber } from '../plan/item-number.js';
import { planIdFor, type Plan } from '../plan/plan.js';
import { displayItemNumbers, withExpectedUnits, type ProjectTeam } from '../plan/project-team.js';
import type { GoodPractice } from '../practices/good-practice.js';
import type { TeamRules } from '../recruitment/team-composition.js';
import type { Milestone } from '../schedule/milestone.js';
import { findForbiddenText, formatPath } from '../text/forbidden-characters.js';
import { addDays, deadlineFromDate, instantAtJst, type IsoDate } from '../time/index.js';
import type { ProgrammeEntities } from '../use-cases/programme-import.js';
import { programmeFileSchema, type ProgrammeFile, type ProgrammeSourceDate } from './programme-file.schema.js';
import { GLOSSARY } from '../i18n/glossary.js';

export { formatPath };

/**
 * Reads and validates a programme file. Throws `programme.invalid` naming the first problem: the
 * YAML line for a syntax error, else the path of the first invalid field (`pts[3].items[0]`),
 * which is also the error's `field`; `programme.forbiddenCharacter` names text the store cannot keep.
 */
export function parseProgrammeFile(text: string): ProgrammeFile {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const line = syntaxError.linePos?.[0].line;
    throw new DomainError('programme.invalid', { details: `YAML${line ? ` line ${line}` : ''}: ${syntaxError.message.split('\n')[0]}` });
  }
  const value: unknown = document.toJS();
  // YAML escapes (`"\0"`, `"\ud800"`) make text the store cannot keep even in a clean file.
  const forbidden = findForbiddenText(value);
  if (forbidden) throw new DomainError('programme.forbiddenCharacter', { path: formatPath(forbidden) }, formatPath(forbidden));
  const result = programmeFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? formatPath(issue.path) || '(file)' : '(file)';
    throw new DomainError('programme.invalid', { details: `${where}: ${issue?.message ?? 'invalid'}` }, where);
  }
  return result.data;
}

/** Drops `undefined` fields so the same file always maps to the same plain objects. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const nonEmpty = <T>(list: readonly T[]): readonly T[] | undefined => (list.length > 0 ? list : undefined);

function lastDayOfMonth(month: string): IsoDate {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return addDays(`${next}-01`, -1);
}

/** A month-only opening is read as the first of the month (the call is a draft until days are set). */
export function firstDayOf(source: ProgrammeSourceDate): IsoDate {
  return source.date ?? `${source.month}-01`;
}

/** A month-only deadline is read as the month's last day, provisionally. */
export function lastDayOf(source: ProgrammeSourceDate): IsoDate {
  return source.date ?? lastDayOfMonth(source.month ?? '');
}

function toCall(call: ProgrammeFile['calls'][number], fiscalYear: number): ProposalCall {
  const tracks: CallTrack[] = call.tracks.map((track) => {
    const deadlineDate = lastDayOf(track.deadline);
    return { kind: track.kind, channel: track.channel, deadlineDate, closesAt: deadlineFromDate(deadlineDate) };
  });
  return {
    id: call.id,
    kind: call.kind,
    fiscalYear,
    title: call.title,
    opensAt: instantAtJst(firstDayOf(call.opens)),
    tracks,
    formFields: [...call.formFields],
    reminderPolicy: call.reminders ? { offsetsDays: [...call.reminders.offsetsDays], hourJst: call.reminders.hourJst } : DEFAULT_REMINDER_POLICY,
    status: call.status,
    demo: false,
  };
}

function toProjectTeam(pt: ProgrammeFile['pts'][number], index: number): ProjectTeam {
  return {
    id: pt.id,
    bodyId: pt.id,
    items: pt.items.map((item) => parseItemNumber(item)),
    title: pt.title,
    category: pt.category,
    topics: pt.topics.map((topic) => ({ number: topic.number, text: topic.text })),
    secretariatUnitIds: [...pt.secretariat],
    memberUnitIds: [...pt.members],
    ...(Object.keys(pt.printedNames).length ? { printedNames: { ...pt.printedNames } } : {}),
    membersOpenEnded: pt.membersOpenEnded,
    unassignedUnitIds: [...pt.unassigned],
    notes: [...pt.notes],
    topicLeads: nonEmpty(pt.topicLeads.map((lead) => ({ topics: [...lead.topics], unitId: lead.unitId }))),
    status: pt.status,
    sortOrder: index + 1,
  };
}

/** A PT's body: no roster (the list names units, not posts); its secretariat convenes it. */
function ptBody(pt: ProgrammeFile['pts'][number], team: ProjectTeam): Body {
  const display = displayItemNumbers(team);
  return {
    id: pt.id,
    kind: 'pt',
    name: `${display} ${pt.title}`,
    shortName: `${GLOSSARY.pt.ja} ${display}`,
    nameEn: `PT ${team.items.map((item) => item.key).join('/')}: ${pt.titleEn}`,
    roster: [],
    secretariatUnitIds: [...pt.secretariat],
    secretariatMayConvene: true,
  };
}

/** An event's body: no roster; its secretariat schedules it directly (not on anyone's behalf). */
function eventBody(event: ProgrammeFile['events'][number]): Body {
  return defined<Body>({
    id: event.id,
    kind: 'event',
    name: event.name,
    shortName: event.shortName,
    nameEn: event.nameEn,
    roster: [],
    secretariatUnitIds: [...event.secretariatUnitIds],
    secretariatMayConvene: true,
    purpose: event.note,
  });
}

function toMilestones(file: ProgrammeFile): Milestone[] {
  return file.schedules.flatMap((schedule) =>
    schedule.entries.map((entry, index) =>
      defined<Milestone>({
        id: `${schedule.id}-${String(index + 1).padStart(2, '0')}`,
        scheduleId: schedule.id,
        fiscalYear: file.fiscalYear,
        sourceOrder: index + 1,
        month: entry.month,
        date: entry.date,
        kind: entry.kind,
        label: entry.label,
        callId: entry.callId,
        bodyId: entry.bodyId,
        status: 'planned',
      }),
    ),
  );
}

/**
 * Maps a validated file to domain objects. Every id comes from the file (or from a position the
 * file fixes, such as a practice's number), so the same file always gives equal output and a
 * second import changes nothing.
 */
export function toDomain(file: ProgrammeFile): ProgrammeEntities {
  const units: Unit[] = file.units.map((unit) =>
    defined<Unit>({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
      aliases: nonEmpty(unit.aliases),
      covers: unit.covers?.map((rule) => defined(rule)),
    }),
  );
  const posts: Post[] = file.posts.map((post) =>
    defined<Post>({ id: post.id, title: post.title, unitId: post.unitId, grade: post.grade, aliases: nonEmpty(post.aliases) }),
  );
  const projectTeams = file.pts.map((pt, index) => withExpectedUnits(toProjectTeam(pt, index), units));
  const bodies: Body[] = [
    ...file.bodies.map((body) => ({
      id: body.id,
      kind: body.kind,
      name: body.name,
      shortName: body.shortName,
      nameEn: body.nameEn,
      roster: body.roster.map((entry) => defined({ postId: entry.postId, role: entry.role, rank: entry.rank, moderator: entry.moderator })),
      secretariatUnitIds: [...body.secretariatUnitIds],
      secretariatMayConvene: body.secretariatMayConvene,
      ...defined({
        guideline: body.guideline,
        effectiveFrom: body.effectiveFrom ?? file.document.guideline?.effectiveFrom,
        purpose: body.purpose,
        remit: nonEmpty(body.remit.map((item) => ({ number: item.number, text: item.text }))),
        remitSource: body.remitSource,
      }),
    })),
    ...file.pts.map((pt, index) => ptBody(pt, projectTeams[index]!)),
    ...file.events.map(eventBody),
  ];
  const practices: GoodPractice[] = file.practices.map((practice) =>
    defined<GoodPractice>({
      id: `fy${file.fiscalYear}-practice-${String(practice.number).padStart(2, '0')}`,
      number: practice.number,
      fiscalYear: file.fiscalYear,
      title: practice.title,
      origin: practice.origin,
      ownerUnitId: practice.ownerUnitId,
      publisher: practice.publisher,
      summary: practice.summary,
      tags: [...practice.tags],
      link: practice.link,
      status: practice.status,
    }),
  );
  return {
    units,
    posts,
    bodies,
    projectTeams,
    practices,
    calls: file.calls.map((call) => toCall(call, file.fiscalYear)),
    milestones: toMilestones(file),
    plans: [toPlan(file)],
    teamRules: [{ fiscalYear: file.fiscalYear, rules: toTeamRules(file) }],
  };
}

/** The plan record: name and period, the guideline's commencement, the perspectives as printed. */
export function toPlan(file: ProgrammeFile): Plan {
  const { document, proposalPtSystem } = file;
  return defined<Plan>({
    id: planIdFor(file.fiscalYear),
    fiscalYear: file.fiscalYear,
    name: document.planName,
    fromFiscalYear: document.planPeriod.fromFiscalYear,
    toFiscalYear: document.planPeriod.toFiscalYear,
    periodAsPrinted: document.planPeriodAsPrinted,
    guideline: document.guideline ? { ...document.guideline } : undefined,
    proposalPtItem: { item: proposalPtSystem.relatedItem, title: proposalPtSystem.relatedItemTitle },
    perspectives: proposalPtSystem.perspectives.map((perspective) => ({ id: perspective.id, viewpoint: perspective.viewpoint, aim: perspective.aim })),
  });
}

/** The proposal-based PT team rules the file states, in the shape `checkTeamComposition` takes. */
export function toTeamRules(file: ProgrammeFile): TeamRules {
  const { pm, pl, members } = file.proposalPtSystem.teamRules;
  return {
    pmGrades: [...pm.grades],
    pmCount: pm.count,
    plGrades: [...pl.grades],
    plCount: pl.count,
    memberMaxGrade: members.maxGrade,
    minMembers: members.min,
    maxMembers: members.max,
    membersApproximate: members.approximate,
    membersAsPrinted: members.asPrinted,
  };
}
