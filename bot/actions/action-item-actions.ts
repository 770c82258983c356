import { DomainError } from '../../shared/domain-error.js';
import { completeAction, myOpenActionItems } from '../../shared/use-cases/meeting-minutes.js';
import { myTasksCard } from '../cards/action-item-cards.js';
import { t } from '../i18n/bot-text.js';
import { actionItemLines } from '../views/action-item-view.js';
import { actionPayload, cardResult, id, type ActionHandler } from './action-result.js';

const donePayload = actionPayload({ actionItemId: id, noteInput: id });

/** 完了にする: the item is done with the note typed beside it; the list comes back without it. */
export const actionDoneAction: ActionHandler = async (turn, data) => {
  const payload = donePayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const typed = data[payload.noteInput];
  const done = await completeAction(turn.ctx, turn.staff, payload.actionItemId, typeof typed === 'string' ? typed : '');
  const lines = await actionItemLines(turn.ctx.store.repositories, await myOpenActionItems(turn.ctx, turn.staff), turn.locale);
  return cardResult(myTasksCard({ locale: turn.locale, lines, now: turn.ctx.clock.now(), notice: t('tasks.doneNotice', turn.locale, { title: done.title }) }));
};
