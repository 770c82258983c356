import { describe, expect, it } from 'vitest';
import { cancel, convene, markHeld, reschedule, type Meeting } from '../../../shared/meetings/meeting.js';
import { makeRsvp } from '../../../shared/meetings/rsvp.js';

const at = new Date('2024-05-01T00:00:00Z');
const planned: Meeting = {
  id: 'm2',
  bodyId: 'hq',
  ordinal: 2,
  fiscalYear: 2024,
  startsAt: new Date('2024-05-21T10:00:00+09:00'),
  endsAt: new Date('2024-05-21T11:00:00+09:00'),
  place: '第1委員会室',
  agenda: [{ title: 'PT進捗報告', kind: 'ptProgress', ptId: 'pt-1-4' }],
  guests: [],
  status: 'planned',
  history: [],
  demo: false,
};

describe('meeting lifecycle', () => {
  it('goes planned → convened → held', () => {
    const convened = convene(planned, 'clerk', at);
    expect(convened).toMatchObject({ status: 'convened', convenedByStaffId: 'clerk' });
    expect(markHeld(convened).status).toBe('held');
  });

  it('keeps the old time and place when rescheduled', () => {
    const moved = reschedule(
      convene(planned, 'clerk', at),
      { startsAt: new Date('2024-05-28T10:00:00+09:00'), endsAt: new Date('2024-05-28T11:00:00+09:00'), place: '第2委員会室' },
      'clerk',
      at,
    );
    expect(moved.history).toHaveLength(1);
    expect(moved.history[0]).toMatchObject({ previousStartsAt: planned.startsAt, previousPlace: '第1委員会室' });
    expect(moved.place).toBe('第2委員会室');
  });

  it('refuses an end before the start', () => {
    expect(() => reschedule(planned, { startsAt: planned.endsAt, endsAt: planned.startsAt }, 'clerk', at)).toThrow(/endBeforeStart/);
  });

  it('cannot convene, reschedule or hold a cancelled meeting', () => {
    const cancelled = cancel(planned);
    expect(() => convene(cancelled, 'clerk', at)).toThrow(/illegalTransition/);
    expect(() => reschedule(cancelled, { startsAt: at, endsAt: new Date(at.getTime() + 1) }, 'clerk', at)).toThrow(/illegalTransition/);
    expect(() => markHeld(cancelled)).toThrow(/illegalTransition/);
  });
});

describe('RSVP', () => {
  it('requires the proxy’s name when sending a proxy', () => {
    expect(() => makeRsvp({ meetingId: 'm2', staffId: 's', response: 'proxy', answeredAt: at })).toThrow(/proxyNameRequired/);
    expect(makeRsvp({ meetingId: 'm2', staffId: 's', response: 'proxy', proxyName: ' 山田 ', answeredAt: at }).proxyName).toBe('山田');
  });

  it('drops a proxy name given with a plain attendance', () => {
    expect(makeRsvp({ meetingId: 'm2', staffId: 's', response: 'attend', proxyName: '山田', answeredAt: at }).proxyName).toBeUndefined();
  });
});
