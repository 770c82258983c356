import { itemKeyOf } from '../../shared/plan/item-number.js';
import { searchProjectTeams } from '../../shared/plan/project-team-search.js';
import { expectsUnit } from '../../shared/plan/project-team.js';
import { ptDetailCard, ptListCard } from '../cards/pt-cards.js';
import { t } from '../i18n/bot-text.js';
import { cardReply, textReply, type CommandHandler } from './command-turn.js';

export const ptListCommand: CommandHandler = async (turn) =>
  cardReply(ptListCard({ locale: turn.locale, teams: await turn.ctx.store.repositories.projectTeams.list(), teamsAppId: turn.ctx.teamsAppId }));

/**
 * `PT ２‐２４`, `pt 2-24` and `PT3-13` all find their PT: item numbers are folded before lookup.
 * Any other text searches titles, topics and notes (`PT 問い合わせ` finds 1-4): one match shows it,
 * several are listed.
 */
export const ptDetailCommand: CommandHandler = async (turn, argument) => {
  const repos = turn.ctx.store.repositories;
  if (!argument) return ptListCommand(turn, argument);
  const key = itemKeyOf(argument);
  const byItem = key ? await repos.projectTeams.findByItemKey(key) : undefined;
  const found = byItem ? [byItem] : searchProjectTeams(await repos.projectTeams.list(), argument);
  if (found.length > 1) return cardReply(ptListCard({ locale: turn.locale, teams: found, teamsAppId: turn.ctx.teamsAppId }));
  const team = found[0];
  if (!team) return textReply(t('pt.notFound', turn.locale, { text: argument }));
  const units = new Map((await repos.units.list()).map((unit) => [unit.id, unit.name]));
  const reports = await repos.projectTeams.listProgressReports(team.id);
  const viewerUnit = turn.staff?.unitId;
  const viewerUnitExpected = viewerUnit && expectsUnit(team, viewerUnit) ? units.get(viewerUnit) : undefined;
  return cardReply(
    ptDetailCard({
      locale: turn.locale,
      detail: { team, unitName: (id) => units.get(id) ?? id, lastProgress: reports.at(-1), viewerUnitExpected },
      teamsAppId: turn.ctx.teamsAppId,
    }),
  );
};
