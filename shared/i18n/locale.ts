/** The UI languages: Japanese first, English second. */
export type Locale = 'ja' | 'en';

/** Maps a Teams or browser locale (`ja-JP`, `en-US`, `en`) to ours; anything else is Japanese. */
export function toLocale(tag: string | undefined | null): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** Fills `{name}` placeholders; unknown placeholders are left visible so a gap is noticed. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
