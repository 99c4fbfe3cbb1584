import type { DayProgress, TrainingProgressMatrix } from '@planboard/contracts';
import ExcelJS from 'exceljs';
import { toXlsxText } from '../budget/sheet';
import { type Actor, type StoredDay, overallOf } from '@planboard/server';

/** A learner for the matrix: everyone in the directory, plus anyone with progress who has since left it. */
export interface Learner extends Actor {
  oid: string;
}

/**
 * Everyone's progress: learners (by name) × days (in order), and per day how many learners
 * started and completed it. Overall completion counts unlocked days only, as the learners see it.
 */
export function progressMatrix(
  days: readonly StoredDay[],
  learners: readonly Learner[],
  progress: ReadonlyMap<string, { learner: Actor; days: ReadonlyMap<number, DayProgress> }>,
): TrainingProgressMatrix {
  const everyone = new Map<string, Actor>(learners.map(({ oid, name, upn }) => [oid, { name, upn }]));
  for (const [oid, entry] of progress) if (!everyone.has(oid)) everyone.set(oid, entry.learner);
  const unlocked = days.filter((day) => day.unlocked).map((day) => day.dayNumber);
  const rows = [...everyone].map(([oid, learner]) => {
    const own = progress.get(oid)?.days ?? new Map<number, DayProgress>();
    return {
      name: learner.name || learner.upn,
      upn: learner.upn,
      completion: days.map((day) => own.get(day.dayNumber)?.completionPct ?? 0),
      overallPct: overallOf(unlocked, own),
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.upn.localeCompare(b.upn, 'en'));
  return {
    days: days.map((day, index) => ({
      dayNumber: day.dayNumber,
      title: day.title,
      unlocked: day.unlocked,
      started: rows.filter((row) => (row.completion[index] ?? 0) > 0).length,
      completed: rows.filter((row) => (row.completion[index] ?? 0) >= 100).length,
    })),
    learners: rows,
  };
}

/** The matrix as an .xlsx workbook: one row per learner, one column per day (completion %), then the per-day counts. */
export async function matrixWorkbook(matrix: TrainingProgressMatrix): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Planboard';
  const sheet = workbook.addWorksheet('Progress', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const dayHeaders = matrix.days.map((day) => toXlsxText(`Day ${day.dayNumber}: ${day.title}${day.unlocked ? '' : ' (locked)'}`));
  sheet.addRow(['Learner', 'Email', ...dayHeaders, 'Overall %']).font = { bold: true };
  // Text goes in as string cells (never formulas), so a name like "=HYPERLINK(…)" stays text.
  for (const learner of matrix.learners)
    sheet.addRow([toXlsxText(learner.name), toXlsxText(learner.upn), ...learner.completion, learner.overallPct]);
  sheet.addRow([]);
  sheet.addRow(['Started', '', ...matrix.days.map((day) => day.started)]).font = { italic: true };
  sheet.addRow(['Completed', '', ...matrix.days.map((day) => day.completed)]).font = { italic: true };
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 36;
  for (let column = 3; column <= dayHeaders.length + 3; column += 1) sheet.getColumn(column).width = 14;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
