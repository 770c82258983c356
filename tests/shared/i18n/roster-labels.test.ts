import { describe, expect, it } from 'vitest';
import { rosterRoleLabel } from '../../../shared/i18n/labels.js';

describe('roster role labels', () => {
  it('calls 政策企画課長 議長 on the council roster and 司会 on the HQ roster, never 本部長・議長', () => {
    expect(rosterRoleLabel('council', { role: 'chair' }, 'ja')).toBe('議長');
    expect(rosterRoleLabel('hq', { role: 'member', moderator: true }, 'ja')).toBe('司会');
    expect(rosterRoleLabel('hq', { role: 'chair' }, 'ja')).toBe('本部長');
    expect(rosterRoleLabel('hq', { role: 'viceChair' }, 'ja')).toBe('副本部長');
    expect(rosterRoleLabel('hq', { role: 'member' }, 'ja')).toBe('本部員');
    expect(rosterRoleLabel('council', { role: 'member' }, 'ja')).toBe('構成員');
    expect(rosterRoleLabel('hq', { role: 'member', moderator: true }, 'en')).toBe('Moderator');
  });
});
