import zlib from 'node:zlib';

/** A decoded PNG as 8-bit RGBA rows, top to bottom. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes. */
  readonly pixels: Uint8Array;
  /** True when the file itself carries an alpha channel (colour type 4 or 6). */
  readonly hasAlpha: boolean;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels per colour type we can read: grey, RGB, grey+alpha, RGBA (no palette). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Width and height from the IHDR chunk, without decoding the image. */
export function readPngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Decodes a non-interlaced 8-bit PNG (what resvg and most editors write) so the icon checks can
 * look at pixels. Palette, 16-bit and interlaced files are refused with a message saying so.
 */
export function decodePng(png: Buffer): RgbaImage {
  const { width, height } = readPngSize(png);
  const bitDepth = png[24];
  const colourType = png[25] ?? -1;
  const interlace = png[28];
  const channels = CHANNELS[colourType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`unsupported PNG (bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}); save as 8-bit RGBA`);
  }
  const data = zlib.inflateSync(concatIdat(png));
  const stride = width * channels;
  const raw = unfilter(data, stride, height, channels);
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const source = raw.subarray(i * channels, (i + 1) * channels);
    const grey = channels <= 2;
    pixels[i * 4] = source[0]!;
    pixels[i * 4 + 1] = grey ? source[0]! : source[1]!;
    pixels[i * 4 + 2] = grey ? source[0]! : source[2]!;
    pixels[i * 4 + 3] = channels === 2 ? source[1]! : channels === 4 ? source[3]! : 255;
  }
  return { width, height, pixels, hasAlpha: channels === 2 || channels === 4 };
}

function concatIdat(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') parts.push(png.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  return Buffer.concat(parts);
}

/** Reverses the per-row filters of PNG (None, Sub, Up, Average, Paeth). */
function unfilter(data: Buffer, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const row = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const base = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[base + x - bpp]! : 0;
      const up = y > 0 ? out[base - stride + x]! : 0;
      const upLeft = y > 0 && x >= bpp ? out[base - stride + x - bpp]! : 0;
      const predictor =
        filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : Number.NaN;
      if (Number.isNaN(predictor)) throw new Error(`corrupt PNG: unknown row filter ${filter}`);
      out[base + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
