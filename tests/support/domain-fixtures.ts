import type { Body } from '../../shared/bodies/body.js';
import type { ProposalCall } from '../../shared/calls/proposal-call.js';
import { DEFAULT_REMINDER_POLICY } from '../../shared/calls/proposal-call.js';
import type { Staff } from '../../shared/organisation/staff.js';

/** A person for tests; only the fields a test cares about need to be given. */
export function staffMember(overrides: Partial<Staff> & { id: string }): Staff {
  return {
    displayName: overrides.id,
    upn: `${overrides.id}@city.example`,
    grade: 'staff',
    appRoles: [],
    active: true,
    ...overrides,
  };
}

/** The FY2024 new-initiative call as the document states it: opens 17 April, individuals until 17 May, departments until 14 June. */
export const FY2024_NEW_INITIATIVE_CALL: ProposalCall = {
  id: 'fy2024-new-initiative',
  kind: 'newInitiative',
  fiscalYear: 2024,
  title: '新規取組み項目の提案募集',
  opensAt: new Date('2024-04-17T00:00:00+09:00'),
  tracks: [
    { kind: 'department', channel: 'surveyForm', deadlineDate: '2024-06-14', closesAt: new Date('2024-06-15T00:00:00+09:00') },
    { kind: 'individual', channel: 'staffProposalSystem', deadlineDate: '2024-05-17', closesAt: new Date('2024-05-18T00:00:00+09:00') },
  ],
  formFields: ['title', 'summary', 'relatedItem', 'expectedEffect'],
  reminderPolicy: DEFAULT_REMINDER_POLICY,
  status: 'published',
  demo: false,
};

export const COUNCIL: Body = {
  id: 'council',
  kind: 'council',
  name: '推進会議',
  shortName: '推進会議',
  nameEn: 'Promotion council',
  secretariatUnitIds: ['seisaku-kikaku-ka'],
  secretariatMayConvene: false,
  roster: [
    { postId: 'seisaku-kikaku-kacho', role: 'chair' },
    { postId: 'zaisei-kacho', role: 'member' },
  ],
};
