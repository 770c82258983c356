import type { Locale } from '../../shared/i18n/locale.js';
import { ACTION_DONE_NOTE_MAX, type ActionItem } from '../../shared/minutes/action-item.js';
import { formatDate, jstDateOf } from '../../shared/time/index.js';
import { t } from '../i18n/bot-text.js';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  facts,
  fitToSizeLimit,
  heading,
  neutraliseMarkdown,
  note,
  textInput,
  userText,
  type AdaptiveCard,
  type CardElement,
} from './card-kit.js';

export const ACTION_DONE_VERB = 'action.done';

/** An action item as a card shows it, with the meeting that asked for it and its owner in words. */
export interface ActionItemLine {
  readonly item: ActionItem;
  readonly meetingTitle: string;
  readonly ownerName: string;
}

const noteInputId = (item: ActionItem) => `note-${item.id}`;

function itemBlock(line: ActionItemLine, locale: Locale, today: string): CardElement {
  const { item } = line;
  const overdue = item.dueOn < today;
  return container(
    [
      userText(item.title, { weight: 'Bolder' }),
      facts([
        [t('tasks.due', locale), `${formatDate(item.dueOn, locale)}${overdue ? ` ${t('tasks.overdue', locale)}` : ''}`],
        // Fact values are Markdown: names come from the directory and are shown as written.
        [t('tasks.owner', locale), neutraliseMarkdown(line.ownerName)],
        [t('tasks.from', locale), neutraliseMarkdown(line.meetingTitle)],
      ]),
      textInput({
        id: noteInputId(item),
        label: t('tasks.note', locale),
        maxLength: ACTION_DONE_NOTE_MAX,
        errorMessage: t('tasks.noteTooLong', locale),
        multiline: true,
      }),
      actionSet([executeAction(t('tasks.done', locale), ACTION_DONE_VERB, { actionItemId: item.id, noteInput: noteInputId(item) }, 'positive')]),
    ],
    { separator: true, spacing: 'Medium' },
  );
}

/** 自分のタスク: the person's open action items (theirs and their unit's), each with "done" and a note. */
export function myTasksCard(data: { locale: Locale; lines: readonly ActionItemLine[]; now: Date; notice?: string | undefined }): AdaptiveCard {
  const { locale } = data;
  const today = jstDateOf(data.now);
  return fitToSizeLimit(data.lines, (shown, hidden) =>
    adaptiveCard([
      heading(t('tasks.title', locale)),
      ...(data.notice ? [note(data.notice, 'Good')] : []),
      ...(shown.length === 0 ? [note(t('tasks.none', locale))] : shown.map((line) => itemBlock(line, locale, today))),
      ...(hidden > 0 ? [note(t('tasks.more', locale, { count: hidden }))] : []),
    ]),
  );
}

/** The reminder before an action item's due date, with the same "done" button. */
export function actionReminderCard(data: { locale: Locale; line: ActionItemLine; now: Date }): AdaptiveCard {
  const { locale } = data;
  return adaptiveCard([heading(t('tasks.reminderTitle', locale)), itemBlock(data.line, locale, jstDateOf(data.now))]);
}
