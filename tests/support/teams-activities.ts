/**
 * Builders for activities shaped like the ones Microsoft Teams posts to a bot: personal, group
 * chat and channel conversations, the tenant in both places Teams puts it, the user's Entra object
 * id, the bot as recipient, an @mention in channel messages, the user's locale, and card actions.
 * Plain JSON, so tests post them over HTTP exactly as Teams would.
 */

/** A Teams account: users are `29:…` with an Entra object id, bots are `28:<app id>`. */
export interface TeamsAccount {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
}

/** The subset of the Bot Framework activity schema these builders fill. */
export interface TeamsActivity {
  readonly type: 'message' | 'invoke';
  readonly id: string;
  readonly timestamp: string;
  readonly channelId: 'msteams';
  readonly serviceUrl: string;
  readonly from: TeamsAccount;
  readonly recipient: TeamsAccount;
  readonly conversation: { readonly id: string; readonly conversationType: ConversationKind; readonly tenantId: string; readonly isGroup?: boolean };
  readonly channelData: Record<string, unknown>;
  readonly locale: string;
  readonly text?: string;
  readonly textFormat?: 'plain';
  readonly entities?: readonly Record<string, unknown>[];
  readonly name?: string;
  readonly value?: unknown;
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export const TEST_TENANT_ID = '8f3d1c2a-5b6e-4c7d-9e0f-1a2b3c4d5e6f';
export const FOREIGN_TENANT_ID = 'a1b2c3d4-0000-4000-8000-00000000beef';
export const TEST_USER: TeamsAccount = { id: '29:1yamada-taro', name: '山田 太郎', aadObjectId: '3c9a7f1e-2b4d-4e6f-8a0b-c1d2e3f4a5b6' };

export interface ActivityOptions {
  /** The connector stand-in's URL. */
  readonly serviceUrl: string;
  /** The bot's app id (the recipient is `28:<botAppId>`); any value in local mode. */
  readonly botAppId?: string;
  readonly tenantId?: string;
  readonly locale?: 'ja-JP' | 'en-US';
  /** Defaults to a fresh id; pass the same one to simulate Teams resending. */
  readonly id?: string;
  readonly from?: TeamsAccount;
}

let sequence = 0;

/** A 1:1 chat message. */
export function personalMessage(text: string, options: ActivityOptions): TeamsActivity {
  return message(text, 'personal', options);
}

/** A group chat message; Teams prefixes the bot's @mention, as in a channel. */
export function groupChatMessage(text: string, options: ActivityOptions): TeamsActivity {
  return withMention(message(text, 'groupChat', options));
}

/** A channel message: `<at>Bot</at> 会議`, with the mention entity and the team and channel ids. */
export function channelMessage(text: string, options: ActivityOptions): TeamsActivity {
  return withMention(message(text, 'channel', options));
}

/** An Adaptive Card `Action.Execute` (universal action), posted as `invoke` / `adaptiveCard/action`. */
export function adaptiveCardAction(verb: string, data: Record<string, unknown>, options: ActivityOptions & { conversation?: ConversationKind }): TeamsActivity {
  return {
    ...base(options.conversation ?? 'personal', options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The search message extension (`composeExtension/query`), as Teams sends it while the person types in a chat's compose box. */
export function composeQuery(
  query: { commandId: string; parameters: { name: string; value: string }[]; queryOptions?: { skip: number; count: number } },
  options: ActivityOptions & { conversation?: ConversationKind },
): TeamsActivity {
  return {
    ...base(options.conversation ?? 'personal', options),
    type: 'invoke',
    name: 'composeExtension/query',
    value: { ...query, queryOptions: query.queryOptions ?? { skip: 0, count: 25 } },
  };
}

/** The person chose a result whose preview has `tap: { type: 'invoke', value }` (`composeExtension/selectItem`). */
export function composeSelectItem(value: unknown, options: ActivityOptions & { conversation?: ConversationKind }): TeamsActivity {
  return { ...base(options.conversation ?? 'personal', options), type: 'invoke', name: 'composeExtension/selectItem', value };
}

/** A link on a domain the app registers, pasted into the compose box (`composeExtension/queryLink`). */
export function composeQueryLink(url: string, options: ActivityOptions & { conversation?: ConversationKind }): TeamsActivity {
  return { ...base(options.conversation ?? 'personal', options), type: 'invoke', name: 'composeExtension/queryLink', value: { url } };
}

/** Teams announcing that a person added the bot in their personal scope (the chat the bot may then write to). */
export function personalInstallation(from: TeamsAccount, options: { serviceUrl: string; id: string; locale?: string }): TeamsActivity {
  return {
    type: 'installationUpdate',
    action: 'add',
    id: options.id,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from,
    recipient: botAccount(),
    conversation: { id: `a:1personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: TEST_TENANT_ID },
    channelData: { tenant: { id: TEST_TENANT_ID } },
    locale: options.locale ?? 'ja-JP',
  } as unknown as TeamsActivity;
}

/** The bot as Teams addresses it. */
export function botAccount(botAppId = 'local-bot'): TeamsAccount {
  return { id: `28:${botAppId}`, name: 'Bot' };
}

function message(text: string, kind: ConversationKind, options: ActivityOptions): TeamsActivity {
  return { ...base(kind, options), type: 'message', text, textFormat: 'plain' };
}

function base(kind: ConversationKind, options: ActivityOptions): Omit<TeamsActivity, 'type'> {
  const tenantId = options.tenantId ?? TEST_TENANT_ID;
  const id = options.id ?? `${Date.now()}${String(++sequence).padStart(4, '0')}`;
  const conversationIds: Record<ConversationKind, string> = {
    personal: `a:1personal-${(options.from ?? TEST_USER).aadObjectId ?? 'user'}`,
    groupChat: '19:meeting-group-chat@thread.v2',
    // A reply thread in a channel: Teams appends the root message id.
    channel: '19:reform-channel@thread.tacv2;messageid=1700000000000',
  };
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  if (kind === 'channel') {
    channelData.team = { id: '19:reform-team@thread.tacv2', name: '行政経営推進' };
    channelData.channel = { id: '19:reform-channel@thread.tacv2', name: '一般' };
  }
  return {
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: options.from ?? TEST_USER,
    recipient: botAccount(options.botAppId),
    conversation: { id: conversationIds[kind], conversationType: kind, tenantId, ...(kind === 'personal' ? {} : { isGroup: true }) },
    channelData,
    locale: options.locale ?? 'ja-JP',
  };
}

function withMention(activity: TeamsActivity): TeamsActivity {
  const mention = `<at>${activity.recipient.name}</at>`;
  return {
    ...activity,
    text: `${mention} ${activity.text ?? ''}`,
    entities: [{ type: 'mention', text: mention, mentioned: activity.recipient }],
  };
}
