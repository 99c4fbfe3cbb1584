#!/usr/bin/env node
// Generates the Teams app icons from one "plan board" glyph (a board with a header bar and three
// columns of cards). Run `node appPackage/tools/make-icons.js` after changing the design; the test
// suite checks that the committed PNGs are exactly what this script renders.
//   color.png   192x192, glyph in white on the accent colour (full bleed, opaque)
//   outline.png  32x32,  glyph in pure white on a fully transparent background (no anti-aliasing)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { PNG } = require('pngjs');

/** Accent colour shared with manifest.json `accentColor`. */
const ACCENT = { r: 0x2e, g: 0x5a, b: 0xac };

/** The glyph on a 24x24 design grid: [x, y, width, height] rectangles. */
const GLYPH = [
  [0, 0, 24, 6], // header bar
  [0, 6, 2, 18], // left edge
  [22, 6, 2, 18], // right edge
  [0, 22, 24, 2], // bottom edge
  [8, 6, 1, 16], // column divider 1
  [15, 6, 1, 16], // column divider 2
  [3, 8, 4, 3], // column 1: three cards
  [3, 12, 4, 3],
  [3, 16, 4, 3],
  [10, 8, 4, 3], // column 2: two cards
  [10, 12, 4, 3],
  [17, 8, 4, 3], // column 3: one card
];

function inGlyph(gx, gy) {
  return GLYPH.some(([x, y, w, h]) => gx >= x && gx < x + w && gy >= y && gy < y + h);
}

/** Renders a square image: the 24-grid glyph scaled by `scale` and centred. */
function render(size, scale, background) {
  const png = new PNG({ width: size, height: size });
  const offset = (size - 24 * scale) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const gx = Math.floor((x - offset) / scale);
      const gy = Math.floor((y - offset) / scale);
      const on = x >= offset && y >= offset && gx < 24 && gy < 24 && inGlyph(gx, gy);
      const i = (y * size + x) * 4;
      const [r, g, b, a] = on ? [255, 255, 255, 255] : background ? [background.r, background.g, background.b, 255] : [0, 0, 0, 0];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return png;
}

/** 192x192: glyph 120 px wide (scale 5) on the accent colour. */
function renderColor() {
  return render(192, 5, ACCENT);
}

/** 32x32: glyph 24 px wide (scale 1), transparent elsewhere. */
function renderOutline() {
  return render(32, 1, null);
}

function writeIcons(dir = path.join(__dirname, '..')) {
  fs.writeFileSync(path.join(dir, 'color.png'), PNG.sync.write(renderColor()));
  fs.writeFileSync(path.join(dir, 'outline.png'), PNG.sync.write(renderOutline()));
}

module.exports = { ACCENT, renderColor, renderOutline, writeIcons };

if (require.main === module) {
  writeIcons();
  console.log('Wrote appPackage/color.png (192x192) and appPackage/outline.png (32x32).');
}
