import type { MessagingExtensionAttachment, MessagingExtensionResponse } from 'botbuilder';
import type { ComposeResult } from './compose-cards.js';

/** The content type of an Adaptive Card attachment, and of the result list's thumbnail preview. */
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';

/**
 * Teams renders a preview's title and text with a little HTML; what someone typed (a proposal's
 * title) shows as typed when its markup characters are entities.
 */
function asPlainText(text: string): string {
  return text.replace(/[&<>]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[character]!);
}

/**
 * One result: the Adaptive Card that is sent, and the thumbnail Teams lists. `tap` makes choosing
 * the preview ask the bot again (`composeExtension/selectItem`), so the card sent is the current one.
 */
export function composeAttachment(result: ComposeResult, tap?: object): MessagingExtensionAttachment {
  return {
    contentType: ADAPTIVE_CARD,
    content: result.card,
    preview: {
      contentType: THUMBNAIL_CARD,
      content: {
        title: asPlainText(result.preview.title),
        text: asPlainText(result.preview.text),
        ...(tap ? { tap: { type: 'invoke', value: tap } } : {}),
      },
    },
  };
}

/** The result list (possibly empty), as Teams expects it for queries, chosen items and unfurled links. */
export function composeResultResponse(attachments: readonly MessagingExtensionAttachment[], options: { noCache?: boolean } = {}): MessagingExtensionResponse {
  return {
    composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [...attachments] },
    // An unfurled link is authorised per person: Teams must not reuse one person's card for another.
    ...(options.noCache ? { cacheInfo: { cacheType: 'no-cache' } } : {}),
  };
}

/** A sentence in place of results (someone the directory does not know, a failure). */
export function composeMessageResponse(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}
