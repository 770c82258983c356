import { CloudAdapter, type Activity, type ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';

/** An authenticated inbound request: its claims and the connector factory that signs the replies. */
export type AuthenticatedRequest = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * `CloudAdapter.process` authenticates and runs the turn in one call and answers every token
 * failure it does not recognise with 500. The endpoint needs a step in between (tenant check,
 * duplicate check) and a 401 for any bad token, so this adapter exposes the two halves.
 */
export class EndpointCloudAdapter extends CloudAdapter {
  /** Validates the request's Bot Framework token; in local mode (no app id) it accepts anonymously. */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticatedRequest> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** Runs one turn through the middleware; an invoke's response comes back for the HTTP answer. */
  runTurn(request: AuthenticatedRequest, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(request, activity, logic);
  }
}
