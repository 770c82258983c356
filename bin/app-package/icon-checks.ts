import { decodePng, readPngSize, type RgbaImage } from './png-image.js';

/** The sizes Teams requires, by icon file name (without `.png`). */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Below this share of visible pixels an icon is taken for blank or nearly so. */
const MIN_INK_SHARE = 0.05;
/** Antialiased edges of a white shape may land a step or two under 255 after un-premultiplying. */
const WHITE_FLOOR = 245;

/**
 * Checks the colour icon (192×192, a real image: several colours, not one flat fill) and the
 * outline icon (32×32, white on transparent, with something drawn). Returns problems, empty if fine.
 */
export function checkIcons(colorPng: Buffer, outlinePng: Buffer): string[] {
  return [...checkColorIcon(colorPng), ...checkOutlineIcon(outlinePng)];
}

export function checkColorIcon(png: Buffer): string[] {
  const sizeProblem = checkSize('color.png', png, ICON_SIZES.color);
  if (sizeProblem) return [sizeProblem];
  const image = decodePng(png);
  const colours = distinctOpaqueColours(image);
  return colours < 2 ? [`color.png: is blank (${colours} distinct colour); draw the app's symbol on it`] : [];
}

export function checkOutlineIcon(png: Buffer): string[] {
  const sizeProblem = checkSize('outline.png', png, ICON_SIZES.outline);
  if (sizeProblem) return [sizeProblem];
  const image = decodePng(png);
  if (!image.hasAlpha) return ['outline.png: has no alpha channel; it must be white on a transparent background'];
  const problems: string[] = [];
  let ink = 0;
  let transparent = 0;
  let nonWhite = 0;
  for (let i = 0; i < image.width * image.height; i++) {
    const [r, g, b, a] = image.pixels.subarray(i * 4, i * 4 + 4);
    if (a === 0) {
      transparent++;
      continue;
    }
    ink++;
    if (r! < WHITE_FLOOR || g! < WHITE_FLOOR || b! < WHITE_FLOOR) nonWhite++;
  }
  const total = image.width * image.height;
  if (nonWhite > 0) problems.push(`outline.png: ${nonWhite} visible pixels are not white; use white (#FFFFFF) only`);
  if (ink / total < MIN_INK_SHARE) problems.push('outline.png: is blank or nearly so; draw the outline symbol');
  if (transparent / total < MIN_INK_SHARE) problems.push('outline.png: background is not transparent');
  return problems;
}

function checkSize(name: string, png: Buffer, expected: number): string | undefined {
  try {
    const { width, height } = readPngSize(png);
    return width === expected && height === expected ? undefined : `${name}: is ${width}×${height}, must be ${expected}×${expected}`;
  } catch (error) {
    return `${name}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function distinctOpaqueColours(image: RgbaImage): number {
  const seen = new Set<number>();
  for (let i = 0; i < image.width * image.height && seen.size < 16; i++) {
    const offset = i * 4;
    if (image.pixels[offset + 3]! < 128) continue;
    seen.add((image.pixels[offset]! << 16) | (image.pixels[offset + 1]! << 8) | image.pixels[offset + 2]!);
  }
  return seen.size;
}
