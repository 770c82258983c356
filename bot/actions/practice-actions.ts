import { DomainError } from '../../shared/domain-error.js';
import { markPracticeInterest, searchPractices } from '../../shared/use-cases/practice-catalogue.js';
import { practicesCard } from '../cards/practices-card.js';
import { t } from '../i18n/bot-text.js';
import { actionPayload, cardResult, id, optionalText, type ActionHandler } from './action-result.js';

const interestPayload = actionPayload({ practiceId: id, words: optionalText(200) });

/** "Roll out here": counted once per person; the search card comes back with the new count. */
export const practiceInterestAction: ActionHandler = async (turn, data) => {
  const payload = interestPayload.parse(data);
  if (!turn.staff) throw new DomainError('auth.forbidden');
  const count = await markPracticeInterest(turn.ctx, turn.staff, payload.practiceId);
  const words = payload.words ?? '';
  return cardResult(
    practicesCard({
      locale: turn.locale,
      words,
      results: await searchPractices(turn.ctx, words),
      mayMarkInterest: true,
      notice: t('practices.interestSaved', turn.locale, { count }),
      teamsAppId: turn.ctx.teamsAppId,
    }),
  );
};
