import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const tabDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds `tab/web/` into `tab/dist/`, served by the app's restify server under `/tab/`. */
export default defineConfig({
  root: path.join(tabDir, 'web'),
  base: '/tab/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.join(tabDir, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
