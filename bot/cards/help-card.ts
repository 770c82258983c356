import type { CommandDefinition } from '../../shared/commands/command-catalog.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { t } from '../i18n/bot-text.js';
import { adaptiveCard, neutraliseMarkdown, note, heading, textBlock, type AdaptiveCard, type CardElement } from './card-kit.js';

export interface HelpCardData {
  readonly locale: Locale;
  /** The commands this user may use in this conversation scope. */
  readonly commands: readonly CommandDefinition[];
  /** What the user typed when it was not a command, and the closest command, if any. */
  readonly unknownText?: string | undefined;
  readonly suggestion?: CommandDefinition | undefined;
}

const commandLine = (command: CommandDefinition, locale: Locale) => {
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  const name = `${command.names[locale][0]}${command.argumentHint[locale] ? ` ${command.argumentHint[locale]}` : ''}`;
  return `**${neutraliseMarkdown(name)}** (${neutraliseMarkdown(command.names[other][0] ?? '')}) — ${neutraliseMarkdown(command.description[locale])}`;
};

export function helpCard(data: HelpCardData): AdaptiveCard {
  const { locale } = data;
  const body: CardElement[] = [];
  if (data.unknownText !== undefined) {
    body.push({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: t('help.unknown', locale, { text: data.unknownText }), color: 'Attention' }] });
    if (data.suggestion) body.push(textBlock(t('help.didYouMean', locale, { command: `**${neutraliseMarkdown(data.suggestion.names[locale][0] ?? '')}**` })));
  }
  body.push(heading(t('help.title', locale)), note(t('help.intro', locale)));
  for (const command of data.commands) body.push(textBlock(commandLine(command, locale), { spacing: 'Small' }));
  return adaptiveCard(body);
}
