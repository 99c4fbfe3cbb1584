import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The README and docs/ stand on their own: no link leaves the repository, every picture exists, every page is described. */
const root = resolve(__dirname, '../..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const links = (text: string) => [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^(https?:|mailto:|#)/.test(l));

describe('the product documentation', () => {
  it.each(documents)('%s links only to files inside the repository, and they exist', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared/);
    for (const link of links(text)) {
      const target = resolve(root, dirname(file), link.split('#')[0]!);
      expect(target.startsWith(root + '/')).toBe(true);
      expect(existsSync(target)).toBe(true);
    }
  });

  it('describes every page of the tab, with a screenshot', () => {
    const docs = readFileSync(join(root, 'docs/README.md'), 'utf8');
    const catalog = readFileSync(join(root, 'tabs/src/shell/pageCatalog.ts'), 'utf8');
    const titles = [...catalog.matchAll(/^\s*title: '([^']+)'/gm)].map((m) => m[1]!);
    expect(titles.length).toBeGreaterThanOrEqual(6);
    for (const title of titles) {
      const section = docs.split(/^## /m).find((part) => part.startsWith(`${title}\n`));
      expect(section).toBeDefined();
      expect(section).toMatch(/!\[[^\]]+\]\(images\/[\w-]+\.png\)/);
    }
  });
});
