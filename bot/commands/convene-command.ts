import { defaultConveneBody } from '../../shared/bodies/convene-permission.js';
import { conveneCard } from '../cards/convene-card.js';
import { t } from '../i18n/bot-text.js';
import { conveneableBodies } from '../views/roles.js';
import { cardReply, textReply, type CommandHandler } from './command-turn.js';

/** The convocation form, offering only the bodies this person may convene, starting on the one they chair. */
export const conveneCommand: CommandHandler = async (turn) => {
  const bodies = await conveneableBodies(turn.ctx.store.repositories, turn.staff);
  if (!bodies.length) return textReply(t('convene.notAllowed', turn.locale));
  return cardReply(
    conveneCard({
      locale: turn.locale,
      meetingId: turn.ctx.newId(),
      bodies: bodies.map((body) => ({ id: body.id, name: body.name })),
      defaultBodyId: defaultConveneBody(bodies, turn.staff)?.id,
    }),
  );
};
