import { AuthenticationConstants, type AppCredentials } from 'botframework-connector';
import type { ConversationTarget } from '../../shared/notifications/conversation-target.js';
import type { ConversationSender, DeliveryOutcome, OutgoingMessage } from '../../shared/ports/notification-ports.js';
import { createCredentialsFactory, type BotCredentials } from '../adapter/bot-authentication.js';

/** Teams answers within seconds or not at all; a hung request would hold its claim. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Posts and updates notification messages through the Bot Connector REST API
 * (`/v3/conversations/{id}/activities`). It speaks HTTP itself rather than through botbuilder's
 * client, whose pipeline retries 429 and 5xx on its own: the dispatcher must see every refusal to
 * keep within Teams' limits, honour Retry-After and count attempts. Tokens come from botbuilder's
 * credentials (MSAL), so the secret handling is the bot's own.
 */
export function createConnectorSender(credentials: BotCredentials, fetchImpl: typeof fetch = fetch): ConversationSender {
  let appCredentials: Promise<AppCredentials> | undefined;
  const authorization = async (): Promise<Record<string, string>> => {
    if (!credentials.appId) return {}; // local mode: the Agents Playground takes unsigned calls
    appCredentials ??= createCredentialsFactory(credentials).createCredentials(
      credentials.appId,
      credentials.endpoints?.toChannelFromBotOAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
      credentials.endpoints?.toChannelFromBotLoginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
      true,
    ) as Promise<AppCredentials>;
    return { authorization: `Bearer ${await (await appCredentials).getToken()}` };
  };

  const call = async (
    method: 'POST' | 'PUT',
    target: ConversationTarget,
    path: string,
    message: OutgoingMessage,
    activityId?: string,
  ): Promise<DeliveryOutcome> => {
    // A signed request only ever goes to an https Bot Connector; the address came from an
    // authenticated activity, and this keeps a bad row from leaking the token in clear text.
    if (credentials.appId && !target.serviceUrl.startsWith('https://')) {
      return { ok: false, status: 400, code: 'InsecureServiceUrl', message: `refusing to send a token to ${target.serviceUrl}` };
    }
    const url = `${target.serviceUrl.replace(/\/?$/, '/')}v3/conversations/${encodeURIComponent(target.conversationId)}/activities${path}`;
    const activity = {
      type: 'message',
      ...(activityId ? { id: activityId } : {}),
      from: { id: target.botId },
      conversation: { id: target.conversationId, ...(target.kind === 'channel' ? { conversationType: 'channel' } : {}), tenantId: target.tenantId },
      channelData: { tenant: { id: target.tenantId }, ...(target.channelId ? { channel: { id: target.channelId } } : {}) },
      ...(message.text ? { text: message.text } : {}),
      ...(message.card ? { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }] } : {}),
    };
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: { 'content-type': 'application/json', ...(await authorization()) },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      return { ok: false, status: 0, code: 'NetworkError', message: error instanceof Error ? error.message : String(error) };
    }
    const body = (await response.json().catch(() => undefined)) as { id?: string; error?: { code?: string; message?: string } } | undefined;
    if (response.ok) return { ok: true, activityId: body?.id ?? activityId };
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      code: body?.error?.code,
      message: body?.error?.message ?? response.statusText,
      ...(Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.has('retry-after') ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  };

  return {
    send: (target, message) => call('POST', target, '', message),
    update: (target, activityId, message) => call('PUT', target, `/${encodeURIComponent(activityId)}`, message, activityId),
  };
}
