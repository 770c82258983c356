import type { AgendaItem } from './meeting.js';

/** What a progress-report item is called besides the PT: these say nothing once the PT is named. */
const PROGRESS_WORDS = /PT\s*進捗報告|ＰＴ\s*進捗報告|PTの進捗|ＰＴの進捗|進捗報告|PT progress report|progress report/gi;
const EDGE_SEPARATORS = /^[\s・:：\-‐—–、。]+|[\s・:：\-‐—–、。]+$/g;
const EMPTY_BRACKETS = /[（(]\s*[）)]|「\s*」|【\s*】|\[\s*\]/g;
const WRAPPED = /^[（(](.*)[）)]$/;

/** The parts of an agenda line: the PT a progress report is about, and what the item's title adds. */
export interface AgendaLine {
  readonly ptName?: string | undefined;
  readonly text?: string | undefined;
}

/**
 * A PT progress item names its PT once, beside the label PT進捗報告 the card adds. Its title usually
 * repeats the PT (`1-4 行政手続きのデジタル化 進捗報告`, as the tab writes it); what is left once the
 * PT's number and title and the words 進捗報告 are taken out (`【デモ】`, `中間報告`) is kept, and
 * nothing else. A general item is its title.
 */
export function agendaLine(item: AgendaItem, pt: { readonly displayName: string; readonly title: string } | undefined): AgendaLine {
  if (item.kind !== 'ptProgress') return { text: item.title };
  let rest = item.title;
  for (const name of pt ? [pt.displayName, pt.title] : []) if (name) rest = rest.split(name).join(' ');
  rest = rest.replace(PROGRESS_WORDS, ' ').replace(EMPTY_BRACKETS, ' ').replace(/\s+/g, ' ').replace(EDGE_SEPARATORS, '');
  rest = WRAPPED.exec(rest)?.[1]?.trim() ?? rest;
  return { ...(pt ? { ptName: pt.displayName } : {}), ...(rest ? { text: rest } : {}) };
}
