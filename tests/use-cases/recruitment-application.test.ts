import { FY2024_TEAM_RULES } from '../../shared/recruitment/team-composition.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Body } from '../../shared/bodies/body.js';
import { DomainError, DomainErrors } from '../../shared/domain-error.js';
import { errorMessage } from '../../shared/i18n/error-messages.js';
import type { Grade } from '../../shared/organisation/grade.js';
import type { Staff } from '../../shared/organisation/staff.js';
import type { RecruitmentProject } from '../../shared/recruitment/recruitment.js';
import { ManualClock } from '../../shared/time/clock.js';
import type { UseCaseContext } from '../../shared/use-cases/context.js';
import { applyForRecruitment, saveRecruitmentTeam } from '../../shared/use-cases/recruitment-team.js';
import { staffMember } from '../support/domain-fixtures.js';
import { STORE_VARIANTS } from '../support/test-store.js';

const jst = (text: string) => new Date(`${text}+09:00`);
const HQ: Body = {
  id: 'hq',
  kind: 'hq',
  name: '本部',
  shortName: '本部',
  nameEn: 'HQ',
  secretariatUnitIds: ['kikaku'],
  secretariatMayConvene: true,
  roster: [],
};
const person = (id: string, grade: Grade, unitId = 'zaisei') => staffMember({ id, displayName: id, grade, unitId });
const STAFF = {
  secretary: person('secretary', 'subsectionChief', 'kikaku'),
  mayor: person('mayor', 'special'),
  director: person('director', 'director'),
  kacho: person('kacho', 'sectionChief'),
  kakaricho: person('kakaricho', 'subsectionChief'),
  shunin: person('shunin', 'chief'),
  shuji1: person('shuji1', 'staff'),
  shuji2: person('shuji2', 'staff'),
  shuji3: person('shuji3', 'staff'),
  /** Never applies. */
  outsider: person('outsider', 'staff'),
} satisfies Record<string, Staff>;

/** Recruiting from 1 May 09:00 to the end of 31 May 2024 (closes at 1 June 00:00 JST). */
const project = (id: string): RecruitmentProject => ({
  id,
  fiscalYear: 2024,
  title: `テーマ ${id}`,
  description: '説明',
  perspective: 'crossCutting',
  opensAt: jst('2024-05-01T09:00:00'),
  closesAt: jst('2024-06-01T00:00:00'),
  status: 'recruiting',
  demo: false,
});

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe.each(STORE_VARIANTS)('applying for a proposal-based PT on $name', (variant) => {
  describe.skipIf(variant.skipReason !== undefined)(variant.skipReason ?? 'runs', () => {
    const clock = new ManualClock(jst('2024-05-10T10:00:00'));
    let ctx: UseCaseContext;
    let counter = 0;
    beforeAll(async () => {
      ctx = { store: await variant.open(), clock, newId: () => `app-${++counter}` };
      await ctx.store.transaction(async (tx) => {
        await tx.units.upsert({ id: 'kikaku', name: '政策企画課', kind: 'section' });
        await tx.units.upsert({ id: 'zaisei', name: '財政課', kind: 'section' });
        await tx.bodies.upsert(HQ);
        for (const staff of Object.values(STAFF)) await tx.staff.upsert(staff);
        await tx.recruitment.upsertTeamRules(2024, FY2024_TEAM_RULES);
        for (const id of ['rp-grade', 'rp-again', 'rp-team']) await tx.recruitment.upsertProject(project(id));
      });
    });
    afterAll(() => ctx?.store.close());
    const repos = () => ctx.store.repositories.recruitment;
    const apply = (staff: Staff, projectId: string, desiredRole: 'pm' | 'pl' | 'member', motivation = '参加したい') =>
      applyForRecruitment(ctx, staff, { projectId, desiredRole, motivation });

    it('refuses a chief applying as project manager, with the reason in both languages, and saves nothing', async () => {
      const error = await refusal(apply(STAFF.shunin, 'rp-grade', 'pm'));
      expect(error.field).toBe('desiredRole');
      expect(errorMessage(error, 'ja')).toBe('プロジェクトマネージャーは部長級・課長級の職員が対象です（あなたの職層: 主任）。');
      expect(errorMessage(error, 'en')).toBe('The project manager role is open to: director or section chief (your grade: chief).');
      expect(await repos().listApplications('rp-grade')).toEqual([]);
      expect(await ctx.store.repositories.audit.listFor('recruitment', 'rp-grade')).toEqual([]);
    });

    it('refuses every role to a special-post holder, saying so plainly', async () => {
      for (const role of ['pm', 'pl', 'member'] as const) {
        expect((await refusal(apply(STAFF.mayor, 'rp-grade', role))).code).toBe('recruitment.noRoleForGrade');
      }
      expect(await repos().listApplications('rp-grade')).toEqual([]);
    });

    it('takes each grade for the one role the document gives it', async () => {
      await apply(STAFF.director, 'rp-grade', 'pm');
      await apply(STAFF.kacho, 'rp-grade', 'pm');
      await apply(STAFF.kakaricho, 'rp-grade', 'pl');
      await apply(STAFF.shunin, 'rp-grade', 'member');
      await apply(STAFF.shuji1, 'rp-grade', 'member');
      expect((await refusal(apply(STAFF.kakaricho, 'rp-grade', 'member'))).code).toBe('recruitment.roleNotForGrade');
      expect((await refusal(apply(STAFF.kacho, 'rp-grade', 'pl'))).code).toBe('recruitment.roleNotForGrade');
      const stored = await repos().listApplications('rp-grade');
      expect(stored.map((application) => [application.staffId, application.desiredRole])).toEqual([
        ['director', 'pm'],
        ['kacho', 'pm'],
        ['kakaricho', 'pl'],
        ['shunin', 'member'],
        ['shuji1', 'member'],
      ]);
    });

    it('replaces a second application by the same person, keeping the first in its history and the audit log', async () => {
      clock.set(jst('2024-05-10T10:00:00'));
      const first = await apply(STAFF.kacho, 'rp-again', 'pm', '最初の志望動機');
      expect(first.replaced).toBeUndefined();
      clock.set(jst('2024-05-20T15:30:00'));
      const second = await apply(STAFF.kacho, 'rp-again', 'pm', '書き直した志望動機');
      expect(second.replaced).toMatchObject({ desiredRole: 'pm', motivation: '最初の志望動機', appliedAt: jst('2024-05-10T10:00:00') });

      const stored = await repos().listApplications('rp-again');
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ id: first.application.id, motivation: '書き直した志望動機', appliedAt: jst('2024-05-20T15:30:00'), state: 'applied' });
      expect(stored[0]!.earlierVersions).toEqual([
        { desiredRole: 'pm', motivation: '最初の志望動機', gradeAtApplication: 'sectionChief', appliedAt: jst('2024-05-10T10:00:00') },
      ]);
      const audit = await ctx.store.repositories.audit.listFor('recruitment', 'rp-again');
      expect(audit.map((entry) => entry.action)).toEqual(['apply', 'replaceApplication']);
      expect(audit[1]!.before).toMatchObject({ motivation: '最初の志望動機' });
    });

    it('refuses a replacement after the deadline and leaves the application as it was', async () => {
      clock.set(jst('2024-06-01T00:00:00'));
      expect((await refusal(apply(STAFF.kacho, 'rp-again', 'pm', '締切後'))).code).toBe('recruitment.closed');
      expect((await repos().findApplication('rp-again', 'kacho'))?.motivation).toBe('書き直した志望動機');
      clock.set(jst('2024-05-31T23:59:00'));
      expect((await apply(STAFF.kacho, 'rp-again', 'pm', '締切直前')).replaced?.motivation).toBe('書き直した志望動機');
      expect((await repos().findApplication('rp-again', 'kacho'))?.earlierVersions).toHaveLength(2);
    });

    it('marks the seated applicants selected and the others not selected when the team is saved', async () => {
      clock.set(jst('2024-05-20T10:00:00'));
      for (const [staff, role] of [
        [STAFF.director, 'pm'],
        [STAFF.kacho, 'pm'],
        [STAFF.kakaricho, 'pl'],
        [STAFF.shunin, 'member'],
        [STAFF.shuji1, 'member'],
        [STAFF.shuji2, 'member'],
        [STAFF.shuji3, 'member'],
      ] as const) {
        await apply(staff, 'rp-team', role);
      }
      // Members come from the public call (５（５）): no team while it is still open.
      const early = await refusal(saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats: [] }));
      expect(early.code).toBe('team.recruitmentOpen');
      clock.set(jst('2024-06-01T00:00:00'));
      // A refused team changes no application.
      const broken = saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats: [{ staffId: 'kacho', role: 'pm' }] });
      await expect(broken).rejects.toBeInstanceOf(DomainErrors);
      expect(new Set((await repos().listApplications('rp-team')).map((application) => application.state))).toEqual(new Set(['applied']));

      const seats = [
        { staffId: 'kacho', role: 'pm' },
        { staffId: 'kakaricho', role: 'pl' },
        { staffId: 'shunin', role: 'member' },
        { staffId: 'shuji1', role: 'member' },
        { staffId: 'shuji2', role: 'member' },
      ] as const;
      await saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats });
      const states = Object.fromEntries((await repos().listApplications('rp-team')).map((application) => [application.staffId, application.state]));
      expect(states).toEqual({
        director: 'notSelected',
        kacho: 'selected',
        kakaricho: 'selected',
        shunin: 'selected',
        shuji1: 'selected',
        shuji2: 'selected',
        shuji3: 'notSelected',
      });
      const audit = await ctx.store.repositories.audit.listFor('recruitment', 'rp-team');
      expect(audit.at(-1)).toMatchObject({ action: 'settleApplications', actorStaffId: 'secretary' });

      // Saving the team again with another member moves both states.
      await saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats: [...seats.slice(0, 4), { staffId: 'shuji3', role: 'member' }] });
      const again = Object.fromEntries((await repos().listApplications('rp-team')).map((application) => [application.staffId, application.state]));
      expect(again).toMatchObject({ shuji2: 'notSelected', shuji3: 'selected' });
    });

    it('seats a person who did not apply, or withdrew, only with a recorded reason (５（５）: members come from the 公募)', async () => {
      const seats = [
        { staffId: 'kacho', role: 'pm' },
        { staffId: 'kakaricho', role: 'pl' },
        { staffId: 'shunin', role: 'member' },
        { staffId: 'shuji1', role: 'member' },
      ] as const;
      const withOutsider = [...seats, { staffId: 'outsider', role: 'member' as const }];
      const refused = saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats: withOutsider });
      await expect(refused).rejects.toSatisfy((error: DomainErrors) => error.errors.map((each) => each.code).join() === 'team.notAnApplicant');
      const saved = await saveRecruitmentTeam(ctx, STAFF.secretary, {
        projectId: 'rp-team',
        seats: [...seats, { staffId: 'outsider', role: 'member', exceptionReason: '  辞退者の交代  ' }],
      });
      expect(saved.find((seat) => seat.staffId === 'outsider')).toMatchObject({ exceptionReason: '辞退者の交代' });
      expect((await repos().getTeam('rp-team')).find((seat) => seat.staffId === 'outsider')?.exceptionReason).toBe('辞退者の交代');
      // Put the team back as the next test expects it.
      await saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats: [...seats, { staffId: 'shuji3', role: 'member' }] });
    });

    it('asks the secretariat for a reason outside 「３名～５名程度」, and records it (５（５）: 「程度」 means about)', async () => {
      const two = [
        { staffId: 'kacho', role: 'pm' },
        { staffId: 'kakaricho', role: 'pl' },
        { staffId: 'shunin', role: 'member' },
        { staffId: 'shuji1', role: 'member' },
      ] as const;
      const unconfirmed = saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats: two });
      await expect(unconfirmed).rejects.toSatisfy(
        (error: DomainErrors) => error.errors.map((each) => each.code).join() === 'team.confirmationRequired,team.memberCountApproximate',
      );
      await saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats: two, confirmationReason: '試行のため2名で開始' });
      expect((await repos().getProject('rp-team'))?.teamConfirmation).toMatchObject({
        reason: '試行のため2名で開始',
        warnings: ['team.memberCountApproximate'],
        confirmedBy: 'secretary',
      });
      const seats = [...two, { staffId: 'shuji3', role: 'member' as const }];
      await saveRecruitmentTeam(ctx, STAFF.secretary, { projectId: 'rp-team', seats });
      expect((await repos().getProject('rp-team'))?.teamConfirmation).toBeUndefined();
    });

    it('reads the rules stored for the project’s fiscal year, and says so when none are', async () => {
      await ctx.store.transaction((tx) => tx.recruitment.upsertProject({ ...project('rp-fy2030'), fiscalYear: 2030, closesAt: jst('2031-01-01T00:00:00') }));
      expect((await refusal(apply(STAFF.shunin, 'rp-fy2030', 'member'))).code).toBe('team.rulesMissing');
    });

    it('tells each applicant their outcome whenever it changes, seated or not', async () => {
      const noticesOf = async (staffId: string) => {
        const application = (await repos().listApplications('rp-team')).find((candidate) => candidate.staffId === staffId)!;
        return ctx.store.repositories.notices.listForSubject(application.id);
      };
      // Seated, then unseated by the second save: two notices; seated once and kept: one.
      expect(await noticesOf('shuji2')).toHaveLength(2);
      expect(await noticesOf('kacho')).toHaveLength(1);
      const directorNotices = await noticesOf('director');
      expect(directorNotices).toHaveLength(1);
      expect(directorNotices[0]?.staffId).toBe('director');
      expect(directorNotices[0]?.subject).toMatchObject({ type: 'recruitmentOutcome', projectId: 'rp-team' });
    });
  });
});
