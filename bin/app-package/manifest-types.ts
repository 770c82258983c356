/**
 * The parts of a Teams app manifest that our own checks read. The offline schema validation covers
 * the whole document; these shapes only keep the checks typed.
 */
export interface ManifestCommand {
  readonly title: string;
  readonly description: string;
}

export interface ManifestCommandList {
  readonly scopes: readonly string[];
  readonly commands: readonly ManifestCommand[];
}

export interface ManifestComposeParameter {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputType?: string;
}

export interface ManifestComposeCommand {
  readonly id: string;
  readonly type?: string;
  readonly title: string;
  readonly description: string;
  readonly initialRun?: boolean;
  readonly context?: readonly string[];
  readonly parameters: readonly ManifestComposeParameter[];
}

export interface ManifestComposeExtension {
  readonly botId: string;
  readonly commands: readonly ManifestComposeCommand[];
  readonly messageHandlers?: readonly { readonly type: string; readonly value: { readonly domains?: readonly string[] } }[];
}

export interface TeamsManifestDocument {
  readonly $schema?: string;
  readonly manifestVersion: string;
  readonly id: string;
  readonly developer?: { readonly privacyUrl?: string; readonly termsOfUseUrl?: string; readonly websiteUrl?: string };
  readonly name: { readonly short: string; readonly full?: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly icons: { readonly color: string; readonly outline: string };
  readonly localizationInfo?: {
    readonly defaultLanguageTag: string;
    readonly additionalLanguages?: readonly { readonly languageTag: string; readonly file: string }[];
  };
  readonly staticTabs?: readonly { readonly entityId: string; readonly name?: string }[];
  readonly bots?: readonly { readonly botId: string; readonly scopes?: readonly string[]; readonly commandLists?: readonly ManifestCommandList[] }[];
  readonly composeExtensions?: readonly ManifestComposeExtension[];
}

/** A localisation file: flat keys such as `name.short` or `bots[0].commandLists[1].commands[2].title`. */
export type LocalizationDocument = Readonly<Record<string, unknown>>;

export function asManifest(json: unknown): TeamsManifestDocument {
  if (typeof json !== 'object' || json === null || typeof (json as { manifestVersion?: unknown }).manifestVersion !== 'string') {
    throw new Error('manifest.json: not a Teams app manifest (no manifestVersion)');
  }
  return json as TeamsManifestDocument;
}
