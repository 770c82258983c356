/**
 * An Adaptive Card as readable lines, for the preview: the text of its TextBlocks and RichTextBlocks,
 * each FactSet's facts as "title: value", and its actions' titles, in the order the card shows them.
 * The Adaptive Cards renderer is not needed to check what a card says.
 */
export function cardLines(card: unknown): string[] {
  const lines: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') lines.push(element.text);
    if (element.type === 'TextRun' && typeof element.text === 'string') lines.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts as { title?: string; value?: string }[]) lines.push(`${fact.title ?? ''}: ${fact.value ?? ''}`);
    }
    if (typeof element.type === 'string' && element.type.startsWith('Action.') && typeof element.title === 'string') lines.push(`[${element.title}]`);
    for (const key of ['body', 'items', 'columns', 'inlines', 'actions', 'card']) if (key in element) visit(element[key]);
  };
  visit(card);
  return lines;
}
