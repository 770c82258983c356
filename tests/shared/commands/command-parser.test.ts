import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsForScope } from '../../../shared/commands/command-catalog.js';
import { parseCommand } from '../../../shared/commands/command-parser.js';

const idOf = (text: string) => {
  const parsed = parseCommand(text);
  return parsed.kind === 'command' ? [parsed.command.id, parsed.argument] : ['unknown', parsed.nearest?.id];
};

describe('chat command parsing', () => {
  it('understands every command by its Japanese and English names', () => {
    for (const command of COMMANDS) {
      for (const name of [...command.names.ja, ...command.names.en]) expect(idOf(name)[0], name).toBe(command.id);
    }
  });

  it('folds full-width letters, case and ideographic spaces', () => {
    expect(idOf('ＰＴ　２‐２４')).toEqual(['pt', '2-24']);
    expect(idOf('HELP')).toEqual(['help', '']);
    expect(idOf('My  Proposals')).toEqual(['myProposals', '']);
  });

  it('takes an argument with or without a space after a Japanese name', () => {
    expect(idOf('PT2-24')).toEqual(['pt', '2-24']);
    expect(idOf('会議 本部')).toEqual(['meetings', '本部']);
    expect(idOf('好事例 生成AI')).toEqual(['practices', '生成ai']);
  });

  it('tells the PT list from one PT', () => {
    expect(idOf('PT一覧')[0]).toBe('pts');
    expect(idOf('pts')[0]).toBe('pts');
    expect(idOf('pt 3-13')).toEqual(['pt', '3-13']);
  });

  it('does not read an English name glued to other letters as that command', () => {
    expect(idOf('helpme')[0]).toBe('unknown');
  });

  it('suggests the nearest command for a typo', () => {
    expect(idOf('meetngs')).toEqual(['unknown', 'meetings']);
    expect(idOf('reveiw')).toEqual(['unknown', 'review']);
  });

  it('suggests nothing for text far from every command', () => {
    expect(idOf('こんにちは')).toEqual(['unknown', undefined]);
  });

  it('keeps the proposal form out of channels, where the form would be shared', () => {
    expect(commandsForScope('team').map((command) => command.id)).not.toContain('propose');
    expect(commandsForScope('personal').map((command) => command.id)).toContain('propose');
  });
});
