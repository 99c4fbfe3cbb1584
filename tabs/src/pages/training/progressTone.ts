/** Completion in words (never a colour alone): "Not started", "40 % done", "Complete". */
export function completionTone(pct: number): string {
  if (pct >= 100) return 'Complete';
  if (pct <= 0) return 'Not started';
  return `${Math.round(pct)} % done`;
}

/** The heat map's five steps: not started, under a third, under two thirds, almost, complete. */
export function heatColorIndex(pct: number): 0 | 1 | 2 | 3 | 4 {
  if (pct >= 100) return 4;
  if (pct <= 0) return 0;
  if (pct < 100 / 3) return 1;
  if (pct < 200 / 3) return 2;
  return 3;
}
