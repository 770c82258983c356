import { defaultConveneBody } from '../../shared/bodies/convene-permission.js';
import { conveneCard } from '../cards/convene-card.js';
import { t } from '../i18n/bot-text.js';
import { conveneOffers } from '../views/roles.js';
import { cardReply, textReply, type CommandHandler } from './command-turn.js';

/** The convocation form, offering the bodies this person may convene or prepare, starting on the one they chair. */
export const conveneCommand: CommandHandler = async (turn) => {
  const offers = await conveneOffers(turn.ctx.store.repositories, turn.staff, turn.ctx.clock.now());
  if (!offers.length) return textReply(t('convene.notAllowed', turn.locale));
  const bodies = offers.map((offer) => offer.body);
  return cardReply(
    conveneCard({
      locale: turn.locale,
      meetingId: turn.ctx.newId(),
      bodies: offers.map(({ body, mode }) => ({ id: body.id, name: body.name, mode })),
      defaultBodyId: defaultConveneBody(bodies, turn.staff)?.id,
    }),
  );
};
