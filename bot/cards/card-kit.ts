/**
 * The small vocabulary every card of the app is built from. Cards target Adaptive Cards 1.5 (the
 * newest Teams renders) and use Universal Actions: every button is an `Action.Execute` with a verb,
 * with an `Action.Submit` fallback for hosts that predate 1.4.
 */
export type CardElement = { readonly type: string } & Record<string, unknown>;
export type CardAction = { readonly type: string; readonly title: string } & Record<string, unknown>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly refresh?: { readonly action: CardAction; readonly userIds?: readonly string[] };
  readonly msteams?: { readonly width: 'Full' };
}

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams rejects a message over ~100 KB counted in UTF-16 code units (a JS string's length × 2). */
export const CARD_SIZE_LIMIT_BYTES = 100 * 1024;
/** Teams refreshes a card automatically for at most 60 listed users. */
export const REFRESH_USER_LIMIT = 60;

export function adaptiveCard(body: readonly CardElement[], options: { actions?: readonly CardAction[]; refresh?: AdaptiveCard['refresh'] } = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body,
    ...(options.actions?.length ? { actions: options.actions } : {}),
    ...(options.refresh ? { refresh: options.refresh } : {}),
    msteams: { width: 'Full' },
  };
}

/** The data every action carries: its verb (so the Submit fallback is routed the same way) and its payload. */
export type ActionData = Record<string, string | number | boolean | undefined>;

export function executeAction(title: string, verb: string, data: ActionData = {}, style?: 'positive' | 'destructive'): CardAction {
  const payload = { ...data, verb };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: payload,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: payload },
  };
}

/**
 * Escapes the Markdown that Teams renders in TextBlocks, so text someone typed (a title like
 * `[急ぎ](https://evil)` or `*重要*`) shows as typed and never becomes a link or formatting.
 */
export function neutraliseMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]()~<>]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([#+-]|\d+\.)(?=\s)/gm, (_whole, indent: string, marker: string) =>
      marker.endsWith('.') ? `${indent}${marker.slice(0, -1)}\\.` : `${indent}\\${marker}`,
    );
}

/** Text the app wrote itself (labels, headings); may use the Markdown subset on purpose. */
export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/** Text a person typed: a TextRun is never parsed as Markdown. */
export function userText(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...options }] };
}

/**
 * Long text a person typed (a summary, an expected effect): a wrapping TextBlock with its Markdown
 * escaped, so it shows as typed and an unbroken word such as a URL still breaks at the card's edge
 * on a phone, which a TextRun does not do in every renderer.
 */
export function userParagraph(text: string, options: Record<string, unknown> = {}): CardElement {
  return textBlock(neutraliseMarkdown(text), options);
}

/**
 * A label and its value as one line that wraps like prose, for narrow cards where a FactSet
 * squeezes its titles to a character a line. The value is a TextRun: it shows as typed.
 */
export function labelledText(label: string, value: string, options: Record<string, unknown> = {}): CardElement {
  return {
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `${label}: `, weight: 'Bolder' },
      { type: 'TextRun', text: value },
    ],
    ...options,
  };
}

export function heading(text: string): CardElement {
  return textBlock(text, { size: 'Large', weight: 'Bolder', style: 'heading' });
}

export function subheading(text: string): CardElement {
  return textBlock(text, { size: 'Medium', weight: 'Bolder', spacing: 'Medium' });
}

export function note(text: string, color: 'Default' | 'Attention' | 'Good' | 'Warning' = 'Default'): CardElement {
  return textBlock(text, { isSubtle: color === 'Default', size: 'Small', ...(color === 'Default' ? {} : { color }) });
}

/**
 * Label/value pairs written by the app (dates, states, counts). A value that holds someone's text
 * must go through `neutraliseMarkdown` first, as FactSet values are rendered as Markdown.
 */
export function facts(pairs: readonly (readonly [string, string | undefined])[]): CardElement {
  return {
    type: 'FactSet',
    facts: pairs.filter(([, value]) => value !== undefined && value !== '').map(([title, value]) => ({ title, value })),
  };
}

export function container(items: readonly CardElement[], options: Record<string, unknown> = {}): CardElement {
  return { type: 'Container', items, ...options };
}

/**
 * A button that opens a web page. Only give it a URL checked first (`safeMeetingLink`): Teams
 * opens whatever it is handed.
 */
export function openUrlAction(title: string, url: string): CardAction {
  return { type: 'Action.OpenUrl', title, url };
}

/** A checked URL written into a Markdown link, with the characters that would end the link encoded. */
export function markdownLink(text: string, url: string): string {
  const target = url.replace(/[()[\]<>\\ ]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${neutraliseMarkdown(text)}](${target})`;
}

export function actionSet(actions: readonly CardAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** A server-side validation message placed right under its input. */
export function fieldError(inputId: string, message: string | undefined): CardElement[] {
  return message ? [textBlock(message, { id: `${inputId}Error`, color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

interface InputCommon {
  readonly id: string;
  readonly label: string;
  readonly required?: boolean;
  /** Shown by the client when the input fails its own checks (required, length, pattern). */
  readonly errorMessage: string;
}

export function textInput(input: InputCommon & { value?: string; placeholder?: string; maxLength: number; multiline?: boolean }): CardElement {
  return {
    type: 'Input.Text',
    id: input.id,
    label: input.label,
    isRequired: input.required ?? false,
    errorMessage: input.errorMessage,
    maxLength: input.maxLength,
    isMultiline: input.multiline ?? false,
    ...(input.value ? { value: input.value } : {}),
    ...(input.placeholder ? { placeholder: input.placeholder } : {}),
  };
}

export function choiceInput(
  input: InputCommon & { value?: string; choices: readonly { title: string; value: string }[]; style?: 'compact' | 'expanded' },
): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id: input.id,
    label: input.label,
    isRequired: input.required ?? false,
    errorMessage: input.errorMessage,
    style: input.style ?? 'compact',
    choices: input.choices,
    ...(input.value ? { value: input.value } : {}),
  };
}

export function toggleInput(input: InputCommon & { title: string; value: boolean }): CardElement {
  return {
    type: 'Input.Toggle',
    id: input.id,
    label: input.label,
    title: input.title,
    errorMessage: input.errorMessage,
    value: input.value ? 'true' : 'false',
    valueOn: 'true',
    valueOff: 'false',
  };
}

/** A date or time input: the two differ only in type (the value is `YYYY-MM-DD` or `HH:mm`). */
function pickerInput(type: 'Input.Date' | 'Input.Time', input: InputCommon & { value?: string }): CardElement {
  return {
    type,
    id: input.id,
    label: input.label,
    isRequired: input.required ?? false,
    errorMessage: input.errorMessage,
    ...(input.value ? { value: input.value } : {}),
  };
}

export function dateInput(input: InputCommon & { value?: string }): CardElement {
  return pickerInput('Input.Date', input);
}

export function timeInput(input: InputCommon & { value?: string }): CardElement {
  return pickerInput('Input.Time', input);
}

/** A card's size as Teams counts it. */
export function cardSizeBytes(card: AdaptiveCard): number {
  return JSON.stringify(card).length * 2;
}

/**
 * Builds a list card with as many items as fit under Teams' size limit (with room to spare for
 * the message envelope), telling `build` how many were left out so it can point to the tab.
 */
export function fitToSizeLimit<T>(items: readonly T[], build: (shown: readonly T[], hidden: number) => AdaptiveCard): AdaptiveCard {
  const budget = CARD_SIZE_LIMIT_BYTES * 0.9;
  for (let count = items.length; count > 0; count -= 1) {
    const card = build(items.slice(0, count), items.length - count);
    if (cardSizeBytes(card) <= budget) return card;
  }
  return build([], items.length);
}
