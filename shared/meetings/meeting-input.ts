import { DomainError, DomainErrors } from '../domain-error.js';
import { assertValidTimes, type AgendaItem, type Guest } from './meeting.js';
import { safeMeetingLink } from './meeting-link.js';

/** Limits shared by the convene card, the tab and the server. */
export const MEETING_LIMITS = { place: 200, onlineUrl: 500, agendaItems: 20, agendaTitle: 200, guests: 30, guestName: 100 } as const;

export interface MeetingDetailsInput {
  startsAt: Date;
  endsAt: Date;
  place?: string | undefined;
  onlineUrl?: string | undefined;
  agenda?: readonly AgendaItem[] | undefined;
  guests?: readonly Guest[] | undefined;
}

/**
 * Checks a meeting's details; every problem is reported with its field. An online link must be
 * https (see `safeMeetingLink`) so a card never carries a `javascript:`, plain-http or file link.
 */
export function validateMeetingDetails(input: MeetingDetailsInput): Required<MeetingDetailsInput> {
  const errors: DomainError[] = [];
  const collect = (check: () => void) => {
    try {
      check();
    } catch (error) {
      if (error instanceof DomainError) errors.push(error);
      else throw error;
    }
  };
  collect(() => assertValidTimes(input.startsAt, input.endsAt));
  const place = input.place?.trim() || undefined;
  if (place && place.length > MEETING_LIMITS.place) errors.push(new DomainError('meeting.fieldTooLong', { max: MEETING_LIMITS.place }, 'place'));
  const onlineUrl = input.onlineUrl?.trim() || undefined;
  if (onlineUrl && (!safeMeetingLink(onlineUrl) || onlineUrl.length > MEETING_LIMITS.onlineUrl)) {
    errors.push(new DomainError('meeting.invalidUrl', {}, 'onlineUrl'));
  }
  const agenda = (input.agenda ?? []).map((item) => ({ ...item, title: item.title.trim() })).filter((item) => item.title);
  if (agenda.length > MEETING_LIMITS.agendaItems || agenda.some((item) => item.title.length > MEETING_LIMITS.agendaTitle)) {
    errors.push(new DomainError('meeting.agendaTooLong', { items: MEETING_LIMITS.agendaItems, max: MEETING_LIMITS.agendaTitle }, 'agenda'));
  }
  const guests = (input.guests ?? []).map((guest) => ({ ...guest, name: guest.name.trim() })).filter((guest) => guest.name);
  if (guests.length > MEETING_LIMITS.guests || guests.some((guest) => guest.name.length > MEETING_LIMITS.guestName)) {
    errors.push(new DomainError('meeting.guestsTooLong', { items: MEETING_LIMITS.guests, max: MEETING_LIMITS.guestName }, 'guests'));
  }
  if (errors.length) throw new DomainErrors(errors);
  return { startsAt: input.startsAt, endsAt: input.endsAt, place: place as string, onlineUrl: onlineUrl as string, agenda, guests };
}
