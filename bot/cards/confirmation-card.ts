import { adaptiveCard, note, userText, type AdaptiveCard } from './card-kit.js';

/**
 * A short confirmation that replaces a form once its action has been done. The title often holds
 * someone's text (a project's name), so it is a TextRun, which Teams never reads as Markdown.
 */
export function confirmationCard(title: string, lines: readonly string[] = []): AdaptiveCard {
  return adaptiveCard([userText(title, { size: 'Large', weight: 'Bolder' }), ...lines.map((line) => note(line))]);
}
