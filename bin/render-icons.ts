/**
 * Renders the Teams icons from their SVG sources: `tsx bin/render-icons.ts`.
 * The PNGs are committed; run this again only after changing `appPackage/icons/*.svg`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES } from './app-package/icon-checks.js';

const appPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../appPackage');

for (const [name, size] of Object.entries(ICON_SIZES)) {
  const svg = fs.readFileSync(path.join(appPackageDir, 'icons', `${name}.svg`), 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
  fs.writeFileSync(path.join(appPackageDir, `${name}.png`), png);
  process.stdout.write(`appPackage/${name}.png ${size}×${size} (${png.length} bytes)\n`);
}
