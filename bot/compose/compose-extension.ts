import type { AppBasedLinkQuery, MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
import { SEARCH_COMMAND } from '../../shared/commands/compose-extension-catalog.js';
import { parseTabUrl } from '../../shared/links/tab-links.js';
import type { Staff } from '../../shared/organisation/staff.js';
import {
  composeItemRef,
  findComposeItem,
  findComposeItemByRoute,
  isComposeItemKind,
  searchForCompose,
  type ComposeItem,
  type ComposeItemRef,
} from '../../shared/use-cases/compose-search.js';
import { directoryRefusalText, type BotTurn } from '../commands/command-turn.js';
import { composeResults, type ComposeCardContext } from './compose-cards.js';
import { composeAttachment, composeMessageResponse, composeResultResponse } from './compose-response.js';

/** Longer queries are cut: nobody types more into the search box, and the search stays cheap. */
const MAX_QUERY_LENGTH = 200;

/** What a result's preview carries to `composeExtension/selectItem`: the item, by kind and id. */
type SelectValue = ComposeItemRef;

const cardContext = (turn: BotTurn, viewer: Staff): ComposeCardContext => ({
  repos: turn.ctx.store.repositories,
  locale: turn.locale,
  viewer,
  now: turn.ctx.clock.now(),
  teamsAppId: turn.ctx.teamsAppId,
});

async function attachmentsOf(turn: BotTurn, viewer: Staff, items: readonly ComposeItem[], withTap: boolean) {
  const results = await composeResults(cardContext(turn, viewer), items);
  return results.map((result, index) => composeAttachment(result, withTap ? (composeItemRef(items[index]!) satisfies SelectValue) : undefined));
}

/** The typed words: the search parameter's value; none on the initial run (`initialRun`) or for another parameter. */
function queryText(query: MessagingExtensionQuery): string {
  const parameter = (query.parameters ?? []).find((candidate) => candidate.name === SEARCH_COMMAND.parameterName);
  const value: unknown = parameter?.value;
  return typeof value === 'string' ? value.slice(0, MAX_QUERY_LENGTH) : '';
}

/**
 * `composeExtension/query`: what the person may share that matches the words (none: their next
 * meetings and the open calls), at most 25. Someone the directory does not know is told why
 * there is nothing, in their language.
 */
export async function answerComposeQuery(turn: BotTurn, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
  if (!turn.staff) return composeMessageResponse(directoryRefusalText(turn));
  if (query.commandId !== SEARCH_COMMAND.id) return composeResultResponse([]);
  const items = await searchForCompose(turn.ctx, turn.staff, queryText(query), { skip: query.queryOptions?.skip, count: query.queryOptions?.count });
  return composeResultResponse(await attachmentsOf(turn, turn.staff, items, true));
}

/**
 * `composeExtension/selectItem`: the person chose a result; its card is built again from the
 * current state, and authorised again, as the value comes from the client.
 */
export async function answerSelectItem(turn: BotTurn, value: unknown): Promise<MessagingExtensionResponse> {
  if (!turn.staff) return composeMessageResponse(directoryRefusalText(turn));
  const ref = selectValueOf(value);
  const item = ref ? await findComposeItem(turn.ctx, turn.staff, ref) : undefined;
  return composeResultResponse(item ? await attachmentsOf(turn, turn.staff, [item], false) : []);
}

/**
 * `composeExtension/queryLink`: a link to the app's tab pasted into a message unfurls into its
 * item's card. A link that names nothing this person may share (or anything else) unfurls into
 * nothing, and the link stays a plain link.
 */
export async function answerLinkQuery(turn: BotTurn, query: AppBasedLinkQuery, tabHost?: string): Promise<MessagingExtensionResponse> {
  const route = typeof query.url === 'string' ? parseTabUrl(query.url, tabHost) : undefined;
  const item = route && turn.staff ? await findComposeItemByRoute(turn.ctx, turn.staff, route) : undefined;
  const attachments = item && turn.staff ? await attachmentsOf(turn, turn.staff, [item], false) : [];
  return composeResultResponse(attachments, { noCache: true });
}

function selectValueOf(value: unknown): SelectValue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { kind, id } = value as Record<string, unknown>;
  return isComposeItemKind(kind) && typeof id === 'string' && id.length > 0 && id.length <= 200 ? { kind, id } : undefined;
}
