/**
 * The online-meeting link as something safe to open: an `https:` URL without credentials, in its
 * normalised form; `undefined` for anything else (`javascript:`, `http:`, `file:`, a typo), which
 * is then shown as text only, never as a link.
 */
export function safeMeetingLink(url: string | undefined): string | undefined {
  const text = url?.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!text || /[\s\u0000-\u001f\u007f]/.test(text)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password) return undefined;
  return parsed.href;
}
