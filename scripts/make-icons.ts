/**
 * `npx tsx scripts/make-icons.ts [--check]`: draws the add-in icons (assets/icon-{16,32,64,80,128}.png)
 * that manifest.xml references: a white envelope with a guard tick on Fluent's brand blue. Drawn from
 * geometry with 4×4 supersampling and written as PNG with node:zlib, so the icons are reproducible
 * from this file alone; `--check` fails when the committed PNGs differ from what this draws.
 */
import { deflateSync } from "node:zlib";
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
const ASSETS = resolve(__dirname, "..", "assets");

type Rgba = readonly [number, number, number, number];
const BLUE: Rgba = [15, 108, 189, 255]; // Fluent brand #0F6CBD
const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [16, 124, 16, 255]; // Fluent success #107C10
const CLEAR: Rgba = [0, 0, 0, 0];

function insideRoundedSquare(x: number, y: number, r: number): boolean {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour of the unit-square point (x, y): later layers paint over earlier ones. */
function shade(x: number, y: number): Rgba {
  if (!insideRoundedSquare(x, y, 0.18)) return CLEAR;
  let colour = BLUE;
  const stroke = 0.055;
  // Envelope body and flap.
  const [l, t, r, b] = [0.16, 0.27, 0.84, 0.73];
  const onEdge =
    x >= l - stroke / 2 && x <= r + stroke / 2 && y >= t - stroke / 2 && y <= b + stroke / 2 &&
    (Math.abs(x - l) <= stroke / 2 || Math.abs(x - r) <= stroke / 2 || Math.abs(y - t) <= stroke / 2 || Math.abs(y - b) <= stroke / 2);
  const onFlap =
    distanceToSegment(x, y, l, t, 0.5, 0.52) <= stroke / 2 || distanceToSegment(x, y, r, t, 0.5, 0.52) <= stroke / 2;
  if (onEdge || onFlap) colour = WHITE;
  // The guard: a green disc with a white tick, bottom right.
  const [gx, gy, gr] = [0.72, 0.72, 0.22];
  const d = Math.hypot(x - gx, y - gy);
  if (d <= gr + 0.04) colour = BLUE;
  if (d <= gr) colour = GREEN;
  if (
    d <= gr &&
    (distanceToSegment(x, y, gx - 0.11, gy, gx - 0.03, gy + 0.08) <= 0.03 ||
      distanceToSegment(x, y, gx - 0.03, gy + 0.08, gx + 0.11, gy - 0.08) <= 0.03)
  ) {
    colour = WHITE;
  }
  return colour;
}

function render(size: number): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          // Premultiplied sum so transparent samples do not darken the edge.
          acc[0]! += (c[0] * c[3]) / 255;
          acc[1]! += (c[1] * c[3]) / 255;
          acc[2]! += (c[2] * c[3]) / 255;
          acc[3]! += c[3];
        }
      }
      const n = samples * samples;
      const alpha = acc[3]! / n;
      const o = (py * size + px) * 4;
      pixels[o] = alpha === 0 ? 0 : Math.round(((acc[0]! / n) * 255) / alpha);
      pixels[o + 1] = alpha === 0 ? 0 : Math.round(((acc[1]! / n) * 255) / alpha);
      pixels[o + 2] = alpha === 0 ? 0 : Math.round(((acc[2]! / n) * 255) / alpha);
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

export function makeIcon(size: number): Buffer {
  return encodePng(size, render(size));
}

function main(check: boolean): number {
  mkdirSync(ASSETS, { recursive: true });
  let stale = 0;
  for (const size of ICON_SIZES) {
    const path = join(ASSETS, `icon-${size}.png`);
    const png = makeIcon(size);
    if (check) {
      if (!existsSync(path) || !readFileSync(path).equals(png)) {
        console.log(`stale: ${path}`);
        stale++;
      }
    } else {
      writeFileSync(path, png);
      console.log(`wrote ${path} (${png.length} bytes)`);
    }
  }
  return stale === 0 ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.includes("--check")));
