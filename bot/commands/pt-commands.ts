import { itemKeyOf } from '../../shared/plan/item-number.js';
import { expectsUnit } from '../../shared/plan/project-team.js';
import { ptDetailCard, ptListCard } from '../cards/pt-cards.js';
import { t } from '../i18n/bot-text.js';
import { cardReply, textReply, type CommandHandler } from './command-turn.js';

export const ptListCommand: CommandHandler = async (turn) =>
  cardReply(ptListCard({ locale: turn.locale, teams: await turn.ctx.store.repositories.projectTeams.list() }));

/** `PT ２‐２４`, `pt 2-24` and `PT3-13` all find their PT: item numbers are folded before lookup. */
export const ptDetailCommand: CommandHandler = async (turn, argument) => {
  const repos = turn.ctx.store.repositories;
  if (!argument) return ptListCommand(turn, argument);
  const key = itemKeyOf(argument);
  const team = key ? await repos.projectTeams.findByItemKey(key) : undefined;
  if (!team) return textReply(t('pt.notFound', turn.locale, { text: argument }));
  const units = new Map((await repos.units.list()).map((unit) => [unit.id, unit.name]));
  const reports = await repos.projectTeams.listProgressReports(team.id);
  const viewerUnit = turn.staff?.unitId;
  const viewerUnitExpected = viewerUnit && expectsUnit(team, viewerUnit) ? units.get(viewerUnit) : undefined;
  return cardReply(
    ptDetailCard({ locale: turn.locale, detail: { team, unitName: (id) => units.get(id) ?? id, lastProgress: reports.at(-1), viewerUnitExpected } }),
  );
};
