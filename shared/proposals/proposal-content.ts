import { DomainError, DomainErrors } from '../domain-error.js';
import { itemKeyOf } from '../plan/item-number.js';
import type { Perspective, ProposalContent } from './proposal.js';
import { PERSPECTIVES } from './proposal.js';

/** Field limits shared by the card, the tab and the server's validation. */
export const PROPOSAL_LIMITS = { title: 100, summary: 2000, expectedEffect: 1000, currentItemIssues: 2000 } as const;

export interface ProposalContentInput {
  title?: string | undefined;
  summary?: string | undefined;
  relatedItem?: string | undefined;
  expectedEffect?: string | undefined;
  perspective?: string | undefined;
  currentItemIssues?: string | undefined;
}

/** Where the form asks about issues in the current year's items: the department survey of a new-initiative call. */
export function asksCurrentItemIssues(callKind: 'newInitiative' | 'ptTheme', track: 'department' | 'individual'): boolean {
  return callKind === 'newInitiative' && track === 'department';
}

/**
 * Checks a proposal's content. A draft may be incomplete (only lengths are checked); a submission
 * needs title, summary and expected effect, and a perspective for proposal-based PT themes.
 * The current year's item issues are optional and only where the form asks them
 * (`asksItemIssues`); elsewhere a non-empty answer is refused rather than silently dropped.
 * Every problem is reported, each naming its field.
 */
export function validateProposalContent(
  input: ProposalContentInput,
  mode: 'draft' | 'submit',
  needsPerspective: boolean,
  asksItemIssues = false,
): ProposalContent {
  const errors: DomainError[] = [];
  const text = (field: keyof typeof PROPOSAL_LIMITS): string => {
    const value = (input[field] ?? '').trim();
    if (mode === 'submit' && !value) errors.push(new DomainError('proposal.fieldRequired', { field }, field));
    if (value.length > PROPOSAL_LIMITS[field]) {
      errors.push(new DomainError('proposal.fieldTooLong', { field, max: PROPOSAL_LIMITS[field] }, field));
    }
    return value;
  };
  const title = text('title');
  const summary = text('summary');
  const expectedEffect = text('expectedEffect');
  const issuesText = (input.currentItemIssues ?? '').trim();
  if (issuesText.length > PROPOSAL_LIMITS.currentItemIssues) {
    errors.push(new DomainError('proposal.fieldTooLong', { field: 'currentItemIssues', max: PROPOSAL_LIMITS.currentItemIssues }, 'currentItemIssues'));
  } else if (issuesText && !asksItemIssues) {
    errors.push(new DomainError('proposal.itemIssuesDepartmentOnly', {}, 'currentItemIssues'));
  }

  const relatedText = input.relatedItem?.trim();
  const relatedItemKey = relatedText ? itemKeyOf(relatedText) : undefined;
  if (relatedText && !relatedItemKey) {
    errors.push(new DomainError('item.invalidNumber', { value: relatedText }, 'relatedItem'));
  }

  const perspective = input.perspective?.trim() || undefined;
  if (perspective && !(PERSPECTIVES as readonly string[]).includes(perspective)) {
    errors.push(new DomainError('proposal.invalidPerspective', {}, 'perspective'));
  } else if (needsPerspective && mode === 'submit' && !perspective) {
    errors.push(new DomainError('proposal.fieldRequired', { field: 'perspective' }, 'perspective'));
  }

  if (errors.length > 0) throw new DomainErrors(errors);
  return {
    title,
    summary,
    expectedEffect,
    relatedItemKey,
    perspective: perspective as Perspective | undefined,
    currentItemIssues: asksItemIssues && issuesText ? issuesText : undefined,
  };
}
