import type { TeamsManifestDocument } from './manifest-types.js';

interface LinkedManifest extends TeamsManifestDocument {
  readonly validDomains?: readonly string[];
  readonly webApplicationInfo?: { readonly id?: string; readonly resource?: string };
  readonly configurableTabs?: readonly { readonly configurationUrl?: string }[];
  readonly staticTabs?: readonly { readonly entityId: string; readonly name?: string; readonly contentUrl?: string; readonly websiteUrl?: string }[];
}

/**
 * Rules the schema does not express but Teams or we rely on: the developer's privacy and terms
 * pages exist and are https; nothing is left unsubstituted; the tabs, the SSO resource and the
 * domains whose links the message extension unfurls are domains the manifest lists as valid.
 */
export function checkManifestRules(manifest: TeamsManifestDocument, text: string): string[] {
  const m = manifest as LinkedManifest;
  const problems: string[] = [];
  for (const field of ['privacyUrl', 'termsOfUseUrl', 'websiteUrl'] as const) {
    const url = m.developer?.[field];
    if (!url) problems.push(`manifest.json: developer.${field} is missing`);
    else if (!url.startsWith('https://')) problems.push(`manifest.json: developer.${field} must be an https:// URL, not "${url}"`);
  }
  const leftovers = [...new Set(text.match(/\$\{\{[^}]*\}\}/g) ?? [])];
  if (leftovers.length > 0) problems.push(`manifest.json: unresolved placeholders ${leftovers.join(', ')}`);

  const domains = new Set(m.validDomains ?? []);
  const urls = [
    ...(m.staticTabs ?? []).flatMap((tab) => [tab.contentUrl, tab.websiteUrl]),
    ...(m.configurableTabs ?? []).map((tab) => tab.configurationUrl),
  ].filter((url): url is string => url !== undefined);
  for (const url of urls) {
    const host = hostOf(url);
    if (host && !domains.has(host)) problems.push(`manifest.json: ${url} is not on a domain listed in validDomains`);
  }
  for (const [index, extension] of (m.composeExtensions ?? []).entries()) {
    for (const handler of extension.messageHandlers ?? []) {
      for (const domain of handler.value.domains ?? []) {
        if (!domains.has(domain)) problems.push(`manifest.json: composeExtensions[${index}] unfurls links of ${domain}, which is not in validDomains`);
      }
    }
  }
  const resource = m.webApplicationInfo?.resource;
  if (resource !== undefined) {
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(resource);
    if (!match) problems.push(`manifest.json: webApplicationInfo.resource "${resource}" is not api://<domain>/<client id>`);
    else if (match[2] !== m.webApplicationInfo?.id) problems.push('manifest.json: webApplicationInfo.resource does not end with webApplicationInfo.id');
    else if (!domains.has(match[1]!)) problems.push(`manifest.json: webApplicationInfo.resource domain ${match[1]} is not in validDomains`);
  }
  return problems;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
