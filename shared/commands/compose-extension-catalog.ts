/**
 * The search message extension (`composeExtensions` in the Teams manifest), in both languages.
 * The bot reads its command and parameter ids from here, and `bin/sync-manifest-commands.ts`
 * writes the manifest's Japanese strings and en-us.json's English ones from it, so they cannot drift.
 */
export interface ComposeCommandDefinition {
  /** The manifest's command id, which Teams sends back as `commandId`. */
  readonly id: string;
  /** The one search parameter's name, which Teams sends back in `parameters[].name`. */
  readonly parameterName: string;
  /** At most 32 characters (the manifest schema). */
  readonly title: { readonly ja: string; readonly en: string };
  /** At most 128 characters. */
  readonly description: { readonly ja: string; readonly en: string };
  readonly parameterTitle: { readonly ja: string; readonly en: string };
  readonly parameterDescription: { readonly ja: string; readonly en: string };
}

export const SEARCH_COMMAND: ComposeCommandDefinition = {
  id: 'search',
  parameterName: 'query',
  title: { ja: '検索', en: 'Search' },
  description: {
    ja: 'PT（個票番号・名称）、好事例、会議、提案募集、自分の提案を探してメッセージに挿入',
    en: 'Find a PT (by item number or name), good practice, meeting, call or your proposal and insert it',
  },
  parameterTitle: { ja: 'キーワード', en: 'Keywords' },
  parameterDescription: { ja: '個票番号（例: 2-24）または語', en: 'An item number (e.g. 2-24) or words' },
};

/** Every command of the extension, in manifest order (one today). */
export const COMPOSE_COMMANDS: readonly ComposeCommandDefinition[] = [SEARCH_COMMAND];
