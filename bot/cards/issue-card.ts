import type { Locale } from '../../shared/i18n/locale.js';
import { t } from '../i18n/bot-text.js';
import { adaptiveCard, executeAction, heading, neutraliseMarkdown, note, subheading, toggleInput, type AdaptiveCard, type CardElement } from './card-kit.js';
import { meetingDetails, meetingTitle, type MeetingView } from './meetings-card.js';

export const ISSUE_VERB = 'meeting.issue';

/** The toggle of the n-th proposed guest; its value comes back beside the action data. */
export const guestToggleId = (index: number) => `guest${index}`;

export interface IssueCardData {
  readonly locale: Locale;
  /** The prepared meeting, as the issuer sees it. */
  readonly view: MeetingView;
  /** Who in the secretariat prepared it. */
  readonly preparedByName?: string | undefined;
  /** Shown instead of the button once the convocation is issued or withdrawn. */
  readonly outcome?: string | undefined;
}

/**
 * The chair's (or acting chair's) card for a convocation the secretariat prepared: the details,
 * one toggle per proposed guest (the issuer decides who outside the membership attends, 要綱
 * art. 4(2), 5(4)) and one button that issues it. Nothing reaches the members before that.
 */
export function issueCard(data: IssueCardData): AdaptiveCard {
  const { locale, view } = data;
  const guests = view.meeting.guests;
  const body: CardElement[] = [heading(t('issue.title', locale)), subheading(meetingTitle(view, locale))];
  if (data.preparedByName) body.push(note(t('issue.preparedBy', locale, { name: neutraliseMarkdown(data.preparedByName) })));
  body.push(...meetingDetails({ ...view, meeting: { ...view.meeting, guests: [] } }, locale));
  if (data.outcome || view.meeting.status !== 'prepared') {
    body.push(note(data.outcome ?? t('issue.notPending', locale), 'Good'));
    return adaptiveCard(body);
  }
  if (guests.length) {
    body.push(subheading(t('meetings.guests', locale)), note(t('issue.guestsHint', locale)));
    guests.forEach((guest, index) => {
      const name = guest.affiliation ? `${guest.name}（${guest.affiliation}）` : guest.name;
      // Each toggle carries its own label (screen readers read it), numbered as the guests are listed.
      const label = t('issue.guestLabel', locale, { n: String(index + 1) });
      body.push(toggleInput({ id: guestToggleId(index), label, title: name, value: true, errorMessage: label }));
    });
  }
  // The names travel with the button, so a toggle answers for the guest the issuer saw even if the draft changed since.
  const proposed = JSON.stringify(guests.map((guest) => guest.name));
  return adaptiveCard(body, { actions: [executeAction(t('issue.submit', locale), ISSUE_VERB, { meetingId: view.meeting.id, proposed }, 'positive')] });
}
