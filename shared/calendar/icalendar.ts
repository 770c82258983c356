import { jstDateTimeParts, type IsoDate } from '../time/jst.js';

/** When an event happens: a Japan wall-clock instant, or a whole day (a deadline). */
export type EventTime = { readonly instant: Date } | { readonly date: IsoDate };

/** One VEVENT. `sequence` must grow with every change so subscribed calendars replace the old copy. */
export interface CalendarEvent {
  readonly uid: string;
  readonly summary: string;
  readonly start: EventTime;
  readonly end: EventTime;
  readonly description?: string | undefined;
  readonly location?: string | undefined;
  readonly url?: string | undefined;
  readonly status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' | undefined;
  readonly sequence?: number | undefined;
  /** Deadlines do not block time in the subscriber's calendar. */
  readonly transparent?: boolean | undefined;
}

export const TIME_ZONE_ID = 'Asia/Tokyo';

/** Japan has had no daylight saving since 1951, so one STANDARD rule describes the zone. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE_ID}`,
  `X-LIC-LOCATION:${TIME_ZONE_ID}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space, and
 * a multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) ?? 0);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20240524T100000` in Japan time, for `DTSTART;TZID=Asia/Tokyo:`. */
export function formatJstLocal(instant: Date): string {
  const p = jstDateTimeParts(instant);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** `20240524T010000Z`. */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function timeProperty(name: 'DTSTART' | 'DTEND', time: EventTime): string {
  return 'instant' in time ? `${name};TZID=${TIME_ZONE_ID}:${formatJstLocal(time.instant)}` : `${name};VALUE=DATE:${time.date.replaceAll('-', '')}`;
}

/**
 * A complete VCALENDAR that Outlook, Google and Apple calendars can subscribe to: CRLF line
 * ends, folded lines, escaped text, and times in Asia/Tokyo with its VTIMEZONE.
 */
export function buildICalendar(input: { name: string; events: readonly CalendarEvent[]; now: Date }): string {
  const stamp = formatUtc(input.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//gyosei-keiei-teams//programme calendar//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE_ID}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...VTIMEZONE,
  ];
  for (const event of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      timeProperty('DTSTART', event.start),
      timeProperty('DTEND', event.end),
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    lines.push(`SEQUENCE:${event.sequence ?? 0}`);
    if (event.transparent) lines.push('TRANSP:TRANSPARENT');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
