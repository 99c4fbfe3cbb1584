import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { repoRoot } from './support/files';

// The generator is a plain CommonJS script (appPackage/tools/make-icons.js).
const icons = require('../../appPackage/tools/make-icons.js') as {
  ACCENT: { r: number; g: number; b: number };
  renderColor(): PNG;
  renderOutline(): PNG;
};

const read = (name: string): PNG => PNG.sync.read(readFileSync(join(repoRoot, 'appPackage', name)));

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  return out;
}

describe('app icons', () => {
  it('color.png is a 192x192 opaque full-colour icon in the manifest accent colour', () => {
    const png = read('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    const all = pixels(png);
    expect(all.every((p) => p.a === 255)).toBe(true);
    expect(all.some((p) => p.r !== p.g || p.g !== p.b)).toBe(true);
    const { ACCENT } = icons;
    const hex = `#${[ACCENT.r, ACCENT.g, ACCENT.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
    expect((JSON.parse(readFileSync(join(repoRoot, 'appPackage', 'manifest.json'), 'utf8')) as { accentColor: string }).accentColor).toBe(
      hex,
    );
    expect(all[0]).toEqual({ ...ACCENT, a: 255 });
  });

  it('outline.png is 32x32, white on transparent only, with both present', () => {
    const png = read('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    const white = all.filter((p) => p.r === 255 && p.g === 255 && p.b === 255 && p.a === 255);
    const transparent = all.filter((p) => p.a === 0);
    expect(white.length + transparent.length).toBe(all.length);
    expect(white.length).toBeGreaterThan(0);
    expect(transparent.length).toBeGreaterThan(0);
  });

  it('the committed PNGs are exactly what appPackage/tools/make-icons.js renders', () => {
    expect(PNG.sync.write(icons.renderColor()).equals(readFileSync(join(repoRoot, 'appPackage', 'color.png')))).toBe(true);
    expect(PNG.sync.write(icons.renderOutline()).equals(readFileSync(join(repoRoot, 'appPackage', 'outline.png')))).toBe(true);
  });
});
