import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry; two cores do not benefit from more workers.
    maxWorkers: 2,
    // Each worker keeps the modules it loaded for the next file rather than importing botbuilder,
    // PGlite and the app again per file (a third of the suite's CPU time). The tests share no
    // module state: none mocks a module, stubs a global or changes process.env; each opens its
    // own store, server and browser.
    isolate: false,
  },
});
