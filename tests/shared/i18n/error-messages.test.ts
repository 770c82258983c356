import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain-error.js';
import { ERROR_MESSAGES, errorMessage } from '../../../shared/i18n/error-messages.js';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Codes written literally (`new DomainError('x.y'`) or as a template over known endings. */
function codesThrownIn(dir: string): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/new DomainError\(\s*'([\w.]+)'/g)) codes.add(match[1]!);
  }
  return [...codes];
}

describe('error messages', () => {
  it('has a Japanese and an English message for every code the domain throws', () => {
    const missing = codesThrownIn(path.resolve('shared')).filter((code) => !ERROR_MESSAGES[code]);
    expect(missing).toEqual([]);
  });

  it('covers the codes built from templates (team rules, convene rules)', () => {
    for (const code of [
      'team.pmCount',
      'team.plCount',
      'team.pmGrade',
      'team.plGrade',
      'meeting.notAllowedToConveneHq',
      'meeting.notAllowedToConveneCouncil',
      'meeting.notAllowedToConveneTeam',
    ]) {
      expect(ERROR_MESSAGES[code], code).toBeDefined();
    }
  });

  it('leaves no placeholder unfilled and writes the deadline as people read it, with the ISO date', () => {
    const error = new DomainError('call.closed', { call: '新規取組み項目の提案募集', track: 'individual', deadline: '2024-05-17' });
    expect(errorMessage(error, 'ja')).toBe('「新規取組み項目の提案募集」の受付は令和6年5月17日（金） (2024-05-17)で締め切りました。');
    expect(errorMessage(error, 'en')).toBe('"新規取組み項目の提案募集" closed on Fri 17 May 2024 (2024-05-17).');
  });

  it('names the field in the reader’s language', () => {
    expect(errorMessage(new DomainError('proposal.fieldRequired', { field: 'summary' }), 'ja')).toBe('概要を入力してください。');
    expect(errorMessage(new DomainError('proposal.fieldRequired', { field: 'summary' }), 'en')).toBe('Enter the summary.');
  });
});
