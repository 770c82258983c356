import { z } from 'zod';
import { GRADES } from '../organisation/grade.js';
import { itemKeyOf } from '../plan/item-number.js';
import type { Perspective } from '../proposals/proposal.js';
import { parseIsoDate } from '../time/jst.js';

/**
 * The programme file (`fy2024.yaml`): the source document as data. Every object is strict, so a
 * misspelt key is an error rather than silently ignored. Cross-references (unit, post, call and
 * body ids) are checked after the shape, each issue naming the path of the offending field.
 */

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case ASCII words joined by hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().refine((value) => {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}, 'must be a date YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const itemNumber = z.string().refine((value) => itemKeyOf(value) !== undefined, 'must be a plan item number such as 1-4');
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;

const unitKind = z.enum(['office', 'department', 'branch', 'section', 'facility', 'other']);
const unitSchema = z.strictObject({
  id,
  name: text,
  kind: unitKind,
  parentId: id.optional(),
  aliases: z.array(text).default([]),
  /** The PT list sometimes names a post, a group of units or several sections in one entry. */
  standsFor: z.enum(['post', 'collective', 'compound']).optional(),
  /** What a group or compound entry covers (shared/organisation/unit-coverage.ts). */
  covers: z
    .array(z.strictObject({ kind: unitKind.optional(), under: unitKind.optional(), named: text.optional() }))
    .min(1)
    .optional(),
  note: text.optional(),
});

const postSchema = z.strictObject({
  id,
  title: text,
  unitId: id.optional(),
  grade: z.enum(GRADES),
  aliases: z.array(text).default([]),
});

const rosterEntrySchema = z.strictObject({
  postId: id,
  role: z.enum(['chair', 'viceChair', 'member']),
  rank: z.number().int().positive().optional(),
  moderator: z.boolean().optional(),
  asPrinted: text.optional(),
});

const bodySchema = z.strictObject({
  id,
  kind: z.enum(['hq', 'council']),
  name: text,
  shortName: text,
  nameEn: text,
  guideline: text.optional(),
  effectiveFrom: isoDate.optional(),
  /** Why the body exists, as the guideline words it (第１条, 第５条). */
  purpose: text.optional(),
  /** 所掌事項: what the body deals with, numbered as in the guideline (第２条). */
  remit: z.array(z.strictObject({ number: z.number().int().positive(), text })).default([]),
  remitSource: text.optional(),
  secretariatUnitIds: z.array(id),
  secretariatMayConvene: z.boolean(),
  roster: z.array(rosterEntrySchema).min(1),
});

/**
 * A schedulable event of the programme year that is not a meeting of HQ or the council: the July
 * hearings (各課ヒアリング) and the exchange meeting (特別職と各部長との意見交換会). The secretariat
 * (庶務) schedules it; PT progress reports can be tied to it as to an HQ meeting.
 */
const eventSchema = z.strictObject({
  id,
  name: text,
  shortName: text,
  nameEn: text,
  month: isoMonth.optional(),
  asPrinted: text.optional(),
  secretariatUnitIds: z.array(id).min(1),
  /** Whether PT progress is reported there (２（３） names the exchange meeting). */
  ptProgress: z.boolean().default(false),
  note: text.optional(),
});

const ptSchema = z.strictObject({
  id,
  items: z.array(itemNumber).min(1),
  title: text,
  titleEn: text,
  category: z.enum(['crossDepartmental', 'threeLayer']),
  topics: z.array(z.strictObject({ number: z.number().int().positive(), text })).min(1),
  secretariat: z.array(id),
  members: z.array(id),
  /** Units the source lists without showing whether they are secretariat or members. */
  unassigned: z.array(id).default([]),
  membersOpenEnded: z.boolean(),
  /** How this PT's row prints a unit, where it differs from the unit's name (各支所地域振興課). */
  printedNames: z.record(id, text).default({}),
  notes: z.array(text).default([]),
  topicLeads: z.array(z.strictObject({ topics: z.array(z.number().int().positive()).min(1), unitId: id })).default([]),
  status: z.enum(['active', 'paused', 'closed']).default('active'),
});

const practiceSchema = z.strictObject({
  number: z.number().int().positive(),
  title: text,
  origin: z.enum(['internal', 'external']),
  ownerUnitId: id.optional(),
  publisher: text.optional(),
  asPrinted: text.optional(),
  summary: z.string().default(''),
  tags: z.array(text).default([]),
  link: z.url().optional(),
  /** 運用中, or 実施・運用開始予定 (３（１）※: some FY2024 items are yet to start). */
  status: z.enum(['operating', 'planned']).default('operating'),
});

/** A date as the document gives it: a day, or only a month when it names no day. */
const sourceDateSchema = z
  .strictObject({
    date: isoDate.optional(),
    month: isoMonth.optional(),
    asPrinted: text,
    weekdayAsPrinted: z.enum(WEEKDAYS_JA).optional(),
    event: text.optional(),
  })
  .refine((value) => (value.date === undefined) !== (value.month === undefined), 'give exactly one of date or month');

const callSchema = z.strictObject({
  id,
  kind: z.enum(['newInitiative', 'ptTheme']),
  title: text,
  opens: sourceDateSchema,
  tracks: z
    .array(
      z.strictObject({
        kind: z.enum(['department', 'individual']),
        channel: z.enum(['surveyForm', 'staffProposalSystem']),
        deadline: sourceDateSchema,
      }),
    )
    .min(1),
  formFields: z.array(text).min(1),
  status: z.enum(['draft', 'published']),
  /** Deadline reminders: days before the deadline day and the hour (JST); 7/3/1/0 at 9:00 when absent. */
  reminders: z
    .strictObject({
      offsetsDays: z.array(z.number().int().min(0).max(60)).min(1).max(10),
      hourJst: z.number().int().min(0).max(23),
    })
    .optional(),
});

const milestoneKinds = [
  'launch',
  'callOpens',
  'callCloses',
  'hearings',
  'exchangeMeeting',
  'committeeReport',
  'itemAdjustment',
  'contentAdjustment',
  'selection',
  'recruitment',
  'teamStart',
  'other',
] as const;

const scheduleSchema = z.strictObject({
  id,
  title: text,
  section: text.optional(),
  entries: z
    .array(
      z.strictObject({
        month: isoMonth,
        date: isoDate.optional(),
        asPrinted: text,
        kind: z.enum(milestoneKinds),
        label: text,
        callId: id.optional(),
        bodyId: id.optional(),
        /** "１０月～": from this month on. */
        ongoing: z.boolean().optional(),
      }),
    )
    .min(1),
});

const seatRule = z.strictObject({ label: text, target: text, grades: z.array(z.enum(GRADES)).min(1), count: z.literal(1), asPrinted: text });

const proposalPtSystemSchema = z.strictObject({
  relatedItem: itemNumber,
  relatedItemTitle: text,
  perspectives: z
    .array(z.strictObject({ id: z.enum(['crossCutting', 'newBusiness', 'renewal'] as const satisfies readonly Perspective[]), viewpoint: text, aim: text }))
    .min(1),
  teamRules: z.strictObject({
    pm: seatRule,
    pl: seatRule,
    members: z.strictObject({
      label: text,
      target: text,
      maxGrade: z.enum(GRADES),
      min: z.number().int().nonnegative(),
      max: z.number().int().positive(),
      approximate: z.boolean(),
      asPrinted: text,
    }),
  }),
});

const sourceNoteSchema = z.strictObject({ code: text, where: text, ja: text, en: text });

const documentSchema = z.strictObject({
  description: text,
  source: text,
  planName: text,
  planPeriod: z.strictObject({ fromFiscalYear: z.number().int(), toFiscalYear: z.number().int() }),
  previousReport: z.strictObject({ date: isoDate, asPrinted: text, to: text }).optional(),
  planPeriodAsPrinted: text.optional(),
  /** The guideline's commencement (附則). */
  guideline: z.strictObject({ name: text, effectiveFrom: isoDate, asPrinted: text }).optional(),
  /** Running headers the PDF prints on each page of a section; the extracted text keeps every copy. */
  pageHeaders: z.array(z.strictObject({ text, occurrences: z.number().int().positive(), pageNumbersAsPrinted: z.array(text).default([]) })).default([]),
});

type Issue = { message: string; path: (string | number)[] };

/** Ids unique within each list, and every reference pointing at something that exists. */
function crossReferenceIssues(file: z.infer<typeof shapeSchema>): Issue[] {
  const issues: Issue[] = [];
  const uniqueIds = (list: readonly { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      if (seen.has(entry.id)) issues.push({ message: `duplicate id "${entry.id}"`, path: [name, index, 'id'] });
      seen.add(entry.id);
    });
    return seen;
  };
  const units = uniqueIds(file.units, 'units');
  const posts = uniqueIds(file.posts, 'posts');
  const bodies = uniqueIds(file.bodies, 'bodies');
  uniqueIds(file.events, 'events').forEach((eventId) => {
    if (bodies.has(eventId))
      issues.push({ message: `event id "${eventId}" is also a body id`, path: ['events', file.events.findIndex((event) => event.id === eventId), 'id'] });
    bodies.add(eventId);
  });
  uniqueIds(file.pts, 'pts').forEach((ptId) => {
    if (bodies.has(ptId)) issues.push({ message: `PT id "${ptId}" is also a body id`, path: ['pts', file.pts.findIndex((pt) => pt.id === ptId), 'id'] });
    bodies.add(ptId);
  });
  const calls = uniqueIds(file.calls, 'calls');
  uniqueIds(file.schedules, 'schedules');
  const unit = (value: string | undefined, path: Issue['path']) => {
    if (value !== undefined && !units.has(value)) issues.push({ message: `unknown unit "${value}"`, path });
  };

  file.units.forEach((entry, index) => unit(entry.parentId, ['units', index, 'parentId']));
  file.posts.forEach((entry, index) => unit(entry.unitId, ['posts', index, 'unitId']));
  file.events.forEach((event, index) => event.secretariatUnitIds.forEach((unitId, at) => unit(unitId, ['events', index, 'secretariatUnitIds', at])));
  file.bodies.forEach((body, index) => {
    body.secretariatUnitIds.forEach((unitId, at) => unit(unitId, ['bodies', index, 'secretariatUnitIds', at]));
    body.roster.forEach((entry, at) => {
      if (!posts.has(entry.postId)) issues.push({ message: `unknown post "${entry.postId}"`, path: ['bodies', index, 'roster', at, 'postId'] });
    });
    if (body.roster.filter((entry) => entry.role === 'chair').length !== 1) {
      issues.push({ message: 'a body needs exactly one chair', path: ['bodies', index, 'roster'] });
    }
  });

  const itemKeys = new Map<string, string>();
  file.pts.forEach((pt, index) => {
    pt.items.forEach((item, at) => {
      const key = itemKeyOf(item) ?? item;
      if (itemKeys.has(key)) issues.push({ message: `item ${key} is already covered by ${itemKeys.get(key)}`, path: ['pts', index, 'items', at] });
      itemKeys.set(key, pt.id);
    });
    for (const field of ['secretariat', 'members', 'unassigned'] as const) {
      pt[field].forEach((unitId, at) => unit(unitId, ['pts', index, field, at]));
    }
    pt.topicLeads.forEach((lead, at) => unit(lead.unitId, ['pts', index, 'topicLeads', at, 'unitId']));
    pt.topics.forEach((topic, at) => {
      if (topic.number !== at + 1) issues.push({ message: `topic number ${topic.number} should be ${at + 1}`, path: ['pts', index, 'topics', at, 'number'] });
    });
  });

  file.practices.forEach((practice, index) => {
    unit(practice.ownerUnitId, ['practices', index, 'ownerUnitId']);
    if (practice.origin === 'external' && !practice.publisher) {
      issues.push({ message: 'an external practice needs its publisher', path: ['practices', index, 'publisher'] });
    }
  });

  file.calls.forEach((call, index) => {
    const monthOnly = call.opens.month !== undefined || call.tracks.some((track) => track.deadline.month !== undefined);
    if (monthOnly && call.status === 'published') {
      issues.push({ message: 'a call whose dates have no day must stay a draft', path: ['calls', index, 'status'] });
    }
  });

  file.schedules.forEach((schedule, index) => {
    schedule.entries.forEach((entry, at) => {
      if (entry.callId !== undefined && !calls.has(entry.callId)) {
        issues.push({ message: `unknown call "${entry.callId}"`, path: ['schedules', index, 'entries', at, 'callId'] });
      }
      if (entry.bodyId !== undefined && !bodies.has(entry.bodyId)) {
        issues.push({ message: `unknown body "${entry.bodyId}"`, path: ['schedules', index, 'entries', at, 'bodyId'] });
      }
    });
  });
  return issues;
}

const shapeSchema = z.strictObject({
  version: z.literal(1),
  fiscalYear: z.number().int().min(2019).max(2100),
  document: documentSchema,
  units: z.array(unitSchema).min(1),
  posts: z.array(postSchema).min(1),
  bodies: z.array(bodySchema).min(1),
  events: z.array(eventSchema).default([]),
  pts: z.array(ptSchema),
  practices: z.array(practiceSchema),
  calls: z.array(callSchema),
  schedules: z.array(scheduleSchema),
  proposalPtSystem: proposalPtSystemSchema,
  sourceNotes: z.array(sourceNoteSchema).default([]),
});

/** The programme file's schema, shape and cross-references together. */
export const programmeFileSchema = shapeSchema.superRefine((file, ctx) => {
  for (const issue of crossReferenceIssues(file)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/** A validated programme file, defaults filled in. */
export type ProgrammeFile = z.infer<typeof programmeFileSchema>;
export type ProgrammeSourceDate = ProgrammeFile['calls'][number]['opens'];
