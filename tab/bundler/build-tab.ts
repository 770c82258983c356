import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tabDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TAB_DIST_DIR = path.join(tabDir, 'dist');
