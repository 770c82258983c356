import { describe, expect, it } from 'vitest';
import { safeMeetingLink } from '../../../shared/meetings/meeting-link.js';

describe('the online meeting link', () => {
  it('opens an https link', () => {
    expect(safeMeetingLink(' https://teams.microsoft.com/l/meetup-join/19%3ameeting_x ')).toBe('https://teams.microsoft.com/l/meetup-join/19%3ameeting_x');
  });

  it('never makes a link of anything else', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'http://teams.example/x',
      'file:///etc/passwd',
      'data:text/html,x',
      'https://teams.microsoft.com@evil.example/',
      'https://a b',
      'teams.microsoft.com/x',
      '',
      undefined,
    ]) {
      expect(safeMeetingLink(url), String(url)).toBeUndefined();
    }
  });
});
