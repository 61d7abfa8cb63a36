// Renders build/icon.svg into the icon files electron-builder packs (out/icons):
// PNG sizes for Linux, an ICO for Windows and an ICNS for macOS. Generated
// files go to out/, never into build/ (the sources' folder).
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const svg = readFileSync(new URL('../build/icon.svg', import.meta.url), 'utf8');
const outDir = new URL('../out/icons/', import.meta.url).pathname;
const pngDir = join(outDir, 'png');
mkdirSync(pngDir, { recursive: true });

const render = (size) => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map(sizes.map((size) => [size, render(size)]));
for (const [size, png] of pngs) writeFileSync(join(pngDir, `${size}x${size}.png`), png);
writeFileSync(join(outDir, 'icon.png'), pngs.get(1024));

// Windows: one ICO holding the sizes the shell asks for.
writeFileSync(join(outDir, 'icon.ico'), await pngToIco([16, 24, 32, 48, 64, 128, 256].map((s) => pngs.get(s))));

// macOS: ICNS is a list of (4-byte type, 4-byte length, PNG data) chunks after an 'icns' header.
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];
const chunks = icnsTypes.map(([type, size]) => {
  const data = pngs.get(size);
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([head, data]);
});
const header = Buffer.alloc(8);
header.write('icns', 0, 'ascii');
header.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
writeFileSync(join(outDir, 'icon.icns'), Buffer.concat([header, ...chunks]));

console.log(`icons written to ${outDir}: ${sizes.length} PNG sizes, icon.ico, icon.icns`);
