import { createRequire } from 'node:module';
import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes, type AdaptiveCard } from '../../bot/cards/card-kit.js';

/**
 * The Adaptive Cards SDK's own parser and validator. Its package entry is extensionless ESM that
 * Node cannot load, but the UMD build parses and validates without a DOM.
 */
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(index: number): { message: string }; targetVersion: unknown };
  Versions: Record<string, unknown>;
};

/** Every problem the SDK and our own house rules find in a card; empty means Teams can render it as intended. */
export function cardProblems(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  parsed.parse(card, context);
  for (let index = 0; index < context.eventCount; index += 1) problems.push(`parse: ${context.getEventAt(index).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  // Typed '1.5', but a card built from parsed JSON may say otherwise.
  const version: unknown = card.version;
  if (version !== '1.5') problems.push(`version ${String(version)} is not 1.5`);
  const size = cardSizeBytes(card);
  if (size >= CARD_SIZE_LIMIT_BYTES) problems.push(`card is ${size} bytes as UTF-16, over ${CARD_SIZE_LIMIT_BYTES}`);
  walk(card, (node, path) => {
    const type = node.type;
    if (typeof type !== 'string') return;
    if (type.startsWith('Input.')) {
      if (!node.label) problems.push(`${path}: input ${String(node.id)} has no label`);
      if (!node.errorMessage) problems.push(`${path}: input ${String(node.id)} has no errorMessage`);
    }
    if (type === 'Action.Execute') {
      if (!node.verb) problems.push(`${path}: Action.Execute without a verb`);
      const fallback = node.fallback as Record<string, unknown> | undefined;
      if (!path.endsWith('refresh.action') && fallback?.type !== 'Action.Submit') problems.push(`${path}: Action.Execute without an Action.Submit fallback`);
    }
    if (type === 'Action.Submit' && !path.endsWith('.fallback')) problems.push(`${path}: Action.Submit used instead of Action.Execute`);
  });
  return problems;
}

function walk(node: unknown, visit: (node: Record<string, unknown>, path: string) => void, path = 'card'): void {
  if (Array.isArray(node)) node.forEach((child, index) => walk(child, visit, `${path}[${index}]`));
  else if (node !== null && typeof node === 'object') {
    visit(node as Record<string, unknown>, path);
    for (const [key, child] of Object.entries(node)) walk(child, visit, `${path}.${key}`);
  }
}

/** Every text a card shows, joined: for asserting what a user would read. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  walk(card, (node) => {
    for (const key of ['text', 'title', 'value', 'label']) {
      if (typeof node[key] === 'string') texts.push(node[key]);
    }
  });
  return texts.join('\n');
}
