import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer boundaries in eslint.config.js, proved on snippets: each is linted as if it were a
 * file at the given path, with the project's own config. The boundary rules need no type
 * information, so the type-checked rules are switched off here and the snippets need not exist.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: path.join(ROOT, 'eslint.config.js'),
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-properties', 'no-restricted-globals']);

/** The boundary rules that fire on `code` as `filePath`, one entry per finding. */
async function boundaryFindings(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  expect(result, filePath).toBeDefined();
  const fatal = result!.messages.filter((message) => message.fatal);
  expect(fatal, `${filePath} parses`).toEqual([]);
  return result!.messages.filter((message) => message.ruleId !== null && BOUNDARY_RULES.has(message.ruleId)).map((message) => message.ruleId!);
}

async function expectRefused(code: string, filePath: string, rule: string): Promise<void> {
  expect(await boundaryFindings(code, filePath), `${filePath}: ${code}`).toContain(rule);
}

async function expectAllowed(code: string, filePath: string): Promise<void> {
  expect(await boundaryFindings(code, filePath), `${filePath}: ${code}`).toEqual([]);
}

describe('the Bot Framework SDK', () => {
  const sdkImport = "import { TurnContext } from 'botbuilder';\nexport type T = TurnContext;\n";

  it('is imported under bot/, and by tests and benchmarks that drive the bot', async () => {
    await expectAllowed(sdkImport, 'bot/x.ts');
    await expectAllowed("import { ConnectorClient } from 'botframework-connector';\nexport const c = ConnectorClient;\n", 'bot/adapter/x.ts');
    await expectAllowed(sdkImport, 'tests/support/x.ts');
    await expectAllowed(sdkImport, 'bench/support/x.ts');
  });

  it('is refused everywhere else, by static or dynamic import', async () => {
    for (const file of ['shared/x.ts', 'store/x.ts', 'server/x.ts', 'server/config.ts', 'bin/x.ts', 'tab/api/x.ts', 'tab/web/pages/x.tsx']) {
      await expectRefused(sdkImport, file, 'no-restricted-imports');
    }
    await expectRefused("import { CloudAdapter } from 'botbuilder-core';\nexport const a = CloudAdapter;\n", 'server/x.ts', 'no-restricted-imports');
    await expectRefused("export * from 'botframework-connector';\n", 'store/x.ts', 'no-restricted-imports');
    await expectRefused("export const sdk = await import('botbuilder');\n", 'shared/x.ts', 'no-restricted-syntax');
  });
});

describe('the web client libraries (React, Fluent UI, teams-js)', () => {
  const uiImports = [
    "import { useState } from 'react';\nexport const u = useState;\n",
    "import { createRoot } from 'react-dom/client';\nexport const r = createRoot;\n",
    "import { Button } from '@fluentui/react-components';\nexport const b = Button;\n",
    "import { app } from '@microsoft/teams-js';\nexport const a = app;\n",
  ];

  it('are imported under tab/web/', async () => {
    for (const code of uiImports) await expectAllowed(code, 'tab/web/pages/x.tsx');
  });

  it('are refused outside tab/web/', async () => {
    for (const code of uiImports) {
      for (const file of ['shared/x.ts', 'bot/x.ts', 'server/x.ts', 'tab/api/x.ts', 'tab/x.ts', 'tests/x.ts']) {
        await expectRefused(code, file, 'no-restricted-imports');
      }
    }
    await expectRefused("export const react = await import('react');\n", 'bot/x.ts', 'no-restricted-syntax');
  });
});

describe('shared/, the framework-free core', () => {
  it('imports no server, database, logging or auth framework', async () => {
    for (const module of ['restify', 'pg', 'kysely', 'pino', 'jose', '@electric-sql/pglite']) {
      await expectRefused(`import * as m from '${module}';\nexport const x = m;\n`, 'shared/x.ts', 'no-restricted-imports');
      await expectAllowed(`import * as m from '${module}';\nexport const x = m;\n`, 'store/x.ts');
    }
  });

  it('leaves Word and Excel files to an adapter', async () => {
    for (const module of ['docx', 'exceljs']) {
      await expectRefused(`import * as m from '${module}';\nexport const x = m;\n`, 'shared/x.ts', 'no-restricted-imports');
      await expectAllowed(`import * as m from '${module}';\nexport const x = m;\n`, 'tab/api/documents/x.ts');
    }
  });

  it('does no I/O through Node modules', async () => {
    for (const module of [
      'node:fs',
      'fs',
      'node:fs/promises',
      'node:net',
      'node:http',
      'https',
      'node:child_process',
      'node:worker_threads',
      'node:os',
      'node:process',
    ]) {
      await expectRefused(`import * as m from '${module}';\nexport const x = m;\n`, 'shared/x.ts', 'no-restricted-imports');
    }
    await expectRefused("export const fs = await import('node:fs');\n", 'shared/x.ts', 'no-restricted-syntax');
  });

  it('keeps its pure libraries', async () => {
    await expectAllowed("import { z } from 'zod';\nimport { parse } from 'yaml';\nexport const x = [z, parse];\n", 'shared/x.ts');
  });
});

describe('the environment', () => {
  const reads = [
    'export const x = process.env.X;\n',
    "export const x = process['env'];\n",
    'const { env } = process;\nexport const x = env;\n',
    'export const x = globalThis.process.env.X;\n',
  ];

  it('is read in server/config.ts and the bin/ entry points, and freely by tests and benchmarks', async () => {
    for (const code of reads) {
      for (const file of ['server/config.ts', 'bin/x.ts', 'bin/admin/x.ts', 'tests/x.ts', 'bench/x.ts']) await expectAllowed(code, file);
    }
  });

  it('is read nowhere else', async () => {
    for (const file of ['store/x.ts', 'shared/x.ts', 'server/x.ts', 'bot/x.ts', 'tab/api/x.ts', 'tab/web/x.ts']) {
      for (const code of reads) await expectRefused(code, file, code.includes('globalThis') ? 'no-restricted-syntax' : 'no-restricted-properties');
    }
    await expectRefused("import { env } from 'node:process';\nexport const x = env;\n", 'server/x.ts', 'no-restricted-imports');
  });
});

describe('fetch in the tab', () => {
  it('is called only under tab/web/services/', async () => {
    await expectAllowed("export const r = fetch('/api');\n", 'tab/web/services/x.ts');
    await expectRefused("export const r = fetch('/api');\n", 'tab/web/pages/x.tsx', 'no-restricted-globals');
    await expectRefused("export const r = window.fetch('/api');\n", 'tab/web/components/x.tsx', 'no-restricted-properties');
    await expectRefused("export const r = globalThis.fetch('/api');\n", 'tab/web/App.tsx', 'no-restricted-properties');
  });
});

describe('the project config', () => {
  it('lints TypeScript with type information and the promise and any rules on', async () => {
    const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(path.join(ROOT, 'shared/x.ts'))) as unknown as {
      languageOptions: { parserOptions: { projectService?: unknown } };
      rules: Record<string, unknown>;
    };
    expect(config.languageOptions.parserOptions.projectService).toBe(true);
    for (const rule of [
      'no-floating-promises',
      'no-misused-promises',
      'await-thenable',
      'no-unsafe-assignment',
      'no-unsafe-member-access',
      'switch-exhaustiveness-check',
    ]) {
      expect((config.rules[`@typescript-eslint/${rule}`] as unknown[])[0], rule).toBe(2);
    }
  });
});
