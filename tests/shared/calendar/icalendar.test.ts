import { describe, expect, it } from 'vitest';
import { buildICalendar, escapeText, foldLine } from '../../../shared/calendar/icalendar.js';
import { callDeadlineEvents, meetingEvent } from '../../../shared/calendar/programme-events.js';
import { FY2024_NEW_INITIATIVE_CALL } from '../../support/domain-fixtures.js';
import { HQ, HQ_MEETING } from '../../tab/support/tab-world.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('iCalendar (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds lines at 75 octets without splitting a Japanese character, and unfolds to the original', () => {
    const line = `SUMMARY:${'新たな行政経営への移行実現推進本部'.repeat(4)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });

  it('writes a meeting in Asia/Tokyo with its VTIMEZONE, a convened status and CRLF line ends', () => {
    const text = buildICalendar({ name: '本部, 会議', now: new Date('2024-05-10T01:00:00Z'), events: [meetingEvent(HQ_MEETING, HQ)] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = text.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'X-WR-CALNAME:本部\\, 会議',
        'BEGIN:VTIMEZONE',
        'TZID:Asia/Tokyo',
        'TZOFFSETTO:+0900',
        'UID:meeting-hq-2024-2@gyosei-keiei.teams',
        'DTSTAMP:20240510T010000Z',
        'DTSTART;TZID=Asia/Tokyo:20240524T100000',
        'DTEND;TZID=Asia/Tokyo:20240524T110000',
        'SUMMARY:新たな行政経営への移行実現推進本部 第2回',
        'LOCATION:第1委員会室',
        'STATUS:CONFIRMED',
        'SEQUENCE:0',
        'DESCRIPTION:議題:\\n1. 行政手続きのデジタル化 進捗報告',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('marks a cancelled, rescheduled meeting CANCELLED with a higher sequence', () => {
    const moved = {
      ...HQ_MEETING,
      status: 'cancelled' as const,
      history: [{ changedAt: new Date(), changedByStaffId: 'x', previousStartsAt: new Date(), previousEndsAt: new Date() }],
    };
    expect(meetingEvent(moved, HQ)).toMatchObject({ status: 'CANCELLED', sequence: 2 });
  });

  it('writes each track’s deadline as an all-day, non-blocking event on the last day in Japan', () => {
    const text = buildICalendar({ name: 'x', now: new Date(), events: callDeadlineEvents(FY2024_NEW_INITIATIVE_CALL) }).replace(/\r\n /g, '');
    expect(text).toContain('DTSTART;VALUE=DATE:20240517\r\nDTEND;VALUE=DATE:20240518\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20240614\r\nDTEND;VALUE=DATE:20240615\r\n');
    expect(text).toContain('TRANSP:TRANSPARENT');
    expect(callDeadlineEvents({ ...FY2024_NEW_INITIATIVE_CALL, status: 'draft' })).toEqual([]);
  });
});
