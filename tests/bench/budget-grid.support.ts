/**
 * Browser-side measurements for the budget grid bench (budget-grid.bench.ts): open a plan and time
 * API + first painted rows, scroll programmatically while counting animation frames, and paste a
 * block of cells then save, end to end. Everything is timed in the page (performance.now()).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const root = path.resolve(__dirname, '../..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** The bench measures the production build of the tab (vite preview): rebuilt when older than its sources. */
export function ensureTabBuild(): void {
  const built = path.join(root, 'tabs', 'dist', 'index.html');
  const sources = Math.max(newest(path.join(root, 'tabs', 'src')), newest(path.join(root, 'contracts', 'src')));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log('tabs/dist is older than its sources: npm run build:tab');
  execFileSync('npm', ['run', 'build:tab'], { cwd: root, stdio: 'inherit' });
}

/** How long opening a plan took, split into the API and the browser. */
export interface OpenTiming {
  rows: number;
  /** Hash change → first rows painted (the whole "API + first grid render"). */
  totalMs: number;
  /** The grid GET alone (request start → last byte), from resource timing. */
  apiMs: number;
  /** Last byte → first rows painted (parse, model, RevoGrid). */
  renderMs: number;
  bytes: number;
}

/** Opens `#/budget/<plan>/<scope>` from another page and times it until the first rows are painted. */
export async function openPlan(page: Page, planId: string, scopeId: string): Promise<OpenTiming> {
  await page.evaluate(() => (window.location.hash = '#/training'));
  await page.getByRole('heading', { level: 1, name: 'Training' }).waitFor();
  await page.waitForTimeout(300);
  const timing = await page.evaluate(
    async ([plan, scope]) => {
      performance.clearResourceTimings();
      const started = performance.now();
      window.location.hash = `#/budget/${plan}/${scope}`;
      const painted = await new Promise<number>((resolve) => {
        const check = () => {
          const cell = document.querySelector('revo-grid revogr-data[type="rgRow"] [data-field="budgetAmount"]');
          if (cell) requestAnimationFrame(() => resolve(performance.now()));
          else requestAnimationFrame(check);
        };
        check();
      });
      const grid = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.includes(`/api/budget/${plan}/${scope}`) && !/since=|status|audit/.test(entry.name)) as
        PerformanceResourceTiming | undefined;
      const rows = Number(document.querySelector('[data-testid="budget-grid"]')?.getAttribute('data-rows'));
      return {
        rows,
        totalMs: painted - started,
        apiMs: grid ? grid.responseEnd - grid.startTime : NaN,
        renderMs: grid ? painted - grid.responseEnd : NaN,
        bytes: grid?.decodedBodySize ?? 0,
      };
    },
    [planId, scopeId] as const,
  );
  return timing;
}

/** The delta-sync polls (`?since=`) the open page made during `waitMs`: how many and their median duration. */
export async function deltaPolls(page: Page, waitMs: number): Promise<{ polls: number; medianMs: number }> {
  await page.evaluate(() => performance.clearResourceTimings());
  await page.waitForTimeout(waitMs);
  return page.evaluate(() => {
    const polls = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('since='))
      .map((entry) => (entry as PerformanceResourceTiming).responseEnd - entry.startTime)
      .sort((a, b) => a - b);
    return { polls: polls.length, medianMs: polls[Math.floor(polls.length / 2)] ?? NaN };
  });
}

/** Frames counted while scrolling. */
export interface ScrollTiming {
  fps: number;
  frames: number;
  p95FrameMs: number;
  longFrames: number;
  rowsTravelled: number;
}

/** Scrolls the grid's main viewport by `pxPerFrame` every animation frame for `durationMs`, counting frames. */
export async function scrollFps(page: Page, durationMs: number, pxPerFrame: number): Promise<ScrollTiming> {
  return page.evaluate(
    ([duration, step]) =>
      new Promise<ScrollTiming>((resolve, reject) => {
        const scroller = document.querySelector('revo-grid revogr-viewport-scroll:not([row-header]) .vertical-inner');
        const firstRow = () =>
          Number(document.querySelector('revo-grid revogr-data[type="rgRow"] [data-field="budgetAmount"]')?.getAttribute('data-rgrow'));
        if (!scroller) return reject(new Error('no grid viewport to scroll'));
        const startRow = firstRow();
        const gaps: number[] = [];
        let start = 0;
        let last = 0;
        const frame = (now: number) => {
          if (!start) start = last = now;
          else gaps.push(now - last);
          last = now;
          scroller.scrollTop += step;
          if (now - start < duration) return requestAnimationFrame(frame);
          const sorted = [...gaps].sort((a, b) => a - b);
          resolve({
            fps: (gaps.length / (now - start)) * 1000,
            frames: gaps.length,
            p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
            longFrames: gaps.filter((gap) => gap > 25).length,
            rowsTravelled: firstRow() - startRow,
          });
        };
        requestAnimationFrame(frame);
      }),
    [durationMs, pxPerFrame] as const,
  );
}

/** How long a paste and its save took. */
export interface PasteTiming {
  cells: number;
  /** Ctrl+V → the grid shows the pasted values (model, validation, repaint). */
  pasteMs: number;
  /** Ctrl+S → everything saved (one PATCH per action). */
  saveMs: number;
  /** The PATCH request alone, from resource timing. */
  patchMs: number;
  totalMs: number;
}

/** Pastes `rows` × 2 cells (budget, forecast) at the first line, then saves; all timed in the page. */
export async function pasteAndSave(page: Page, rows: number, seed: number): Promise<PasteTiming> {
  const first = page.locator('revo-grid revogr-data[type="rgRow"] [data-rgrow="0"][data-field="budgetAmount"]');
  await first.click();
  await first.evaluate(
    (element) =>
      new Promise<void>((resolve) =>
        (function check() {
          return document.activeElement === element ? resolve() : requestAnimationFrame(check);
        })(),
      ),
  );
  const tsv = `${Array.from({ length: rows }, (_, i) => `${seed + i}\t${seed * 2 + i}`).join('\r\n')}\r\n`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
  await page.evaluate(() => {
    performance.clearResourceTimings();
    const marks: Record<string, number> = {};
    (window as unknown as { __bench: Record<string, number> }).__bench = marks;
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.ctrlKey && event.key.toLowerCase() === 'v') marks.paste = performance.now();
        if (event.ctrlKey && event.key.toLowerCase() === 's') marks.save = performance.now();
      },
      { capture: true },
    );
  });
  const shown = (count: number) =>
    page.waitForFunction((n) => document.querySelector('[data-testid="save"]')?.textContent === `Save ${n} changes`, count, {
      timeout: 60_000,
      polling: 'raf',
    });
  await page.keyboard.press('Control+V');
  await shown(rows * 2);
  const pastedAt = await page.evaluate(() => performance.now());
  await page.keyboard.press('Control+S');
  await page.waitForFunction(() => document.querySelector('[data-testid="save"]')?.textContent === 'Saved', null, {
    timeout: 120_000,
    polling: 'raf',
  });
  return page.evaluate(
    ([cells, pasted]) => {
      const savedAt = performance.now();
      const marks = (window as unknown as { __bench: Record<string, number> }).__bench;
      // The save's PATCH: the plan's own URL without a query (delta polls carry ?since=).
      const patches = performance.getEntriesByType('resource').filter((entry) => /\/api\/budget\/[^/?]+\/[^/?]+$/.test(entry.name));
      const patch = patches.find((entry) => entry.startTime >= (marks.save ?? 0)) as PerformanceResourceTiming | undefined;
      return {
        cells,
        pasteMs: pasted - (marks.paste ?? pasted),
        saveMs: savedAt - (marks.save ?? savedAt),
        patchMs: patch ? patch.responseEnd - patch.startTime : NaN,
        totalMs: savedAt - (marks.paste ?? savedAt),
      };
    },
    [rows * 2, pastedAt] as const,
  );
}
