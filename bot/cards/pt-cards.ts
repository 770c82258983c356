import type { Locale } from '../../shared/i18n/locale.js';
import { displayItemNumbers, topicLeadOf, unitAsPrinted, type ProgressReport, type ProjectTeam } from '../../shared/plan/project-team.js';
import { compareProjectTeams } from '../../shared/plan/item-order.js';
import { formatDate } from '../../shared/time/index.js';
import { t } from '../i18n/bot-text.js';
import { openInAppActions } from './app-link.js';
import { adaptiveCard, facts, heading, neutraliseMarkdown, note, subheading, textBlock, userText, type AdaptiveCard, type CardElement } from './card-kit.js';

const categoryLabel = (team: ProjectTeam, locale: Locale) => t(team.category === 'threeLayer' ? 'pts.threeLayer' : 'pts.crossDepartmental', locale);

export function ptListCard(data: { locale: Locale; teams: readonly ProjectTeam[]; teamsAppId?: string | undefined }): AdaptiveCard {
  const { locale } = data;
  const body: CardElement[] = [heading(t('pts.title', locale))];
  for (const category of ['crossDepartmental', 'threeLayer'] as const) {
    const teams = data.teams.filter((team) => team.category === category).sort(compareProjectTeams);
    if (!teams.length) continue;
    body.push(subheading(t(category === 'threeLayer' ? 'pts.threeLayer' : 'pts.crossDepartmental', locale)));
    for (const team of teams)
      body.push(textBlock(`**${neutraliseMarkdown(displayItemNumbers(team))}** ${neutraliseMarkdown(team.title)}`, { spacing: 'Small' }));
  }
  body.push(note(t('pts.hint', locale)));
  return adaptiveCard(body, { actions: openInAppActions(locale, data.teamsAppId, { page: 'pts' }) });
}

export interface PtDetail {
  readonly team: ProjectTeam;
  readonly unitName: (unitId: string) => string;
  readonly lastProgress?: ProgressReport | undefined;
  /** The reader's unit, when the team expects its staff (a listed department or group covers it). */
  readonly viewerUnitExpected?: string | undefined;
}

/** One PT in full; with the Teams app id it links to the PT's page in the tab. */
export function ptDetailCard(data: { locale: Locale; detail: PtDetail; teamsAppId?: string | undefined }): AdaptiveCard {
  const { locale, detail } = data;
  const { team } = detail;
  const names = (ids: readonly string[]) => ids.map((id) => unitAsPrinted(team, id, detail.unitName)).join('、');
  const members = names(team.memberUnitIds) + (team.membersOpenEnded ? ` ${t('pt.andOthers', locale)}` : '');
  const body: CardElement[] = [
    heading(`${neutraliseMarkdown(displayItemNumbers(team))} ${neutraliseMarkdown(team.title)}`),
    facts([
      [t('pt.category', locale), categoryLabel(team, locale)],
      [t('pt.secretariat', locale), neutraliseMarkdown(names(team.secretariatUnitIds))],
      [t('pt.members', locale), neutraliseMarkdown(members)],
      [t('pt.unassigned', locale), team.unassignedUnitIds.length ? neutraliseMarkdown(names(team.unassignedUnitIds)) : undefined],
      [
        t('pt.yourUnit', locale),
        detail.viewerUnitExpected ? neutraliseMarkdown(t('pt.yourUnitExpected', locale, { unit: detail.viewerUnitExpected })) : undefined,
      ],
    ]),
  ];
  if (team.topics.length) {
    const lead = (number: number) => {
      const unitId = topicLeadOf(team, number);
      return unitId ? t('pt.topicLead', locale, { unit: detail.unitName(unitId) }) : '';
    };
    body.push(subheading(t('pt.topics', locale)), ...team.topics.map((topic) => userText(`${circled(topic.number)} ${topic.text}${lead(topic.number)}`)));
  }
  if (team.notes.length) body.push(subheading(t('pt.notes', locale)), ...team.notes.map((text) => userText(text)));
  body.push(subheading(t('pt.lastProgress', locale)));
  const report = detail.lastProgress;
  if (report) {
    body.push(note(formatDate(report.reportedAt, locale)), userText(report.progress), ...(report.issues ? [userText(report.issues, { isSubtle: true })] : []));
  } else {
    body.push(note(t('pt.noProgress', locale)));
  }
  return adaptiveCard(body, { actions: openInAppActions(locale, data.teamsAppId, { page: 'pts', id: team.id }) });
}

/** ①②③… as the document numbers study topics; beyond ⑳ plain numbers. */
function circled(number: number): string {
  return number >= 1 && number <= 20 ? String.fromCodePoint(0x2460 + number - 1) : `(${number})`;
}
