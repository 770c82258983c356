import { DomainError } from '../../shared/domain-error.js';
import { GLOSSARY } from '../../shared/i18n/glossary.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { itemKeyOf } from '../../shared/plan/item-number.js';
import { displayItemNumbers, type ProjectTeam } from '../../shared/plan/project-team.js';
import { CliError, cliMessage } from './cli-messages.js';
import type { CliCommand } from './cli-command.js';

/** The glossary's words, so the CLI names a category as the bot and the tab do. */
const CATEGORY_LABELS = {
  crossDepartmental: GLOSSARY.ptCrossDepartmental,
  threeLayer: GLOSSARY.ptThreeLayer,
} as const;

/**
 * `show pt <item>`: finds the PT that covers a plan item. The item number is folded first, so
 * `２‐２４`, `2-24` and `3-13` (the second item of `3-12/3‐13`) all find their PT.
 */
export const showCommand: CliCommand = async ({ words, flags, locale, context }) => {
  const [what, ...rest] = words;
  if (what !== 'pt') throw new CliError('missingArgument', { argument: 'pt <item>' });
  const text = rest.join(' ').trim();
  if (!text) throw new CliError('missingArgument', { argument: '<item>' });
  const key = itemKeyOf(text);
  if (!key) throw new DomainError('item.invalidNumber', { value: text });
  const repos = (await context()).store.repositories;
  const team = await repos.projectTeams.findByItemKey(key);
  if (!team) throw new CliError('ptNotFound', { item: text });
  if (flags.json) return JSON.stringify({ ...team, display: displayItemNumbers(team) }, null, 2);
  const units = new Map((await repos.units.list()).map((unit) => [unit.id, unit.name]));
  return describeTeam(team, (id) => units.get(id) ?? id, locale);
};

function describeTeam(team: ProjectTeam, unitName: (id: string) => string, locale: Locale): string {
  const names = (ids: readonly string[]) => ids.map(unitName).join(locale === 'ja' ? '、' : ', ') || '—';
  const members = names(team.memberUnitIds) + (team.membersOpenEnded ? (locale === 'ja' ? ' など' : ' and others') : '');
  const lines = [
    `${displayItemNumbers(team)}\t${team.title}`,
    `${cliMessage('ptCategory', locale)}: ${CATEGORY_LABELS[team.category][locale]}`,
    ...team.topics.map((topic) => `  ${topic.number}. ${topic.text}`),
    `${cliMessage('ptSecretariat', locale)}: ${names(team.secretariatUnitIds)}`,
    `${cliMessage('ptMembers', locale)}: ${members}`,
  ];
  if (team.unassignedUnitIds.length) lines.push(`${cliMessage('ptUnassigned', locale)}: ${names(team.unassignedUnitIds)}`);
  lines.push(...team.notes.map((note) => `※ ${note}`));
  return lines.join('\n');
}
