// Regenerates the app icons from build/icon.svg with headless Chromium (Debian: /usr/bin/chromium):
//   node build/render-icons.mjs
// Writes build/icon.png (512), build/icons/<n>x<n>.png (Linux) and build/icon.ico (PNG-in-ICO).
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
const sizes = [16, 32, 48, 64, 128, 256, 512];
const temp = mkdtempSync(path.join(tmpdir(), 'asc-icons-'));
mkdirSync(path.join(here, 'icons'), { recursive: true });

function render(size) {
  const html = path.join(temp, `icon-${size}.html`);
  const out = path.join(temp, `icon-${size}.png`);
  const sized = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
  writeFileSync(
    html,
    `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
  );
  execFileSync(
    chromium,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--default-background-color=00000000',
      `--window-size=${size},${size}`,
      `--screenshot=${out}`,
      `file://${html}`,
    ],
    { stdio: 'ignore' },
  );
  return readFileSync(out);
}

const pngs = new Map(sizes.map((size) => [size, render(size)]));
for (const [size, png] of pngs) writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), png);
writeFileSync(path.join(here, 'icon.png'), pngs.get(512));

// ICO with embedded PNGs (Vista+), sizes up to 256 (the format's maximum).
const icoSizes = sizes.filter((s) => s <= 256);
const header = Buffer.alloc(6 + 16 * icoSizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = header.length;
icoSizes.forEach((size, i) => {
  const png = pngs.get(size);
  const entry = 6 + 16 * i;
  header.writeUInt8(size === 256 ? 0 : size, entry);
  header.writeUInt8(size === 256 ? 0 : size, entry + 1);
  header.writeUInt16LE(1, entry + 4);
  header.writeUInt16LE(32, entry + 6);
  header.writeUInt32LE(png.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += png.length;
});
writeFileSync(path.join(here, 'icon.ico'), Buffer.concat([header, ...icoSizes.map((s) => pngs.get(s))]));
rmSync(temp, { recursive: true, force: true });
process.stdout.write(`icons written: ${sizes.join(', ')} px\n`);
