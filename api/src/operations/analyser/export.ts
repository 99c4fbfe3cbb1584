import ExcelJS from 'exceljs';
import type { PerformanceReport } from '@planboard/contracts';
import { toXlsxText } from '../../budget/sheet';

const minutes = (ms: number | null | undefined) => (ms === null || ms === undefined ? '' : Math.round(ms / 600) / 100);
const text = (value: string | null | undefined) => toXlsxText(value ?? '');

/** The Performance view as a workbook: one sheet per table (what the charts show, as numbers). */
export async function performanceWorkbook(report: PerformanceReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Planboard';
  const sheet = (name: string, headers: string[], rows: (string | number)[][]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(headers).font = { bold: true };
    // Text goes in as string cells (never formulas): a model named "=…" stays text.
    for (const row of rows) ws.addRow(row);
    headers.forEach((_, index) => (ws.getColumn(index + 1).width = index === 0 ? 32 : 20));
  };
  sheet(
    'About',
    ['Item', 'Value'],
    [
      ['Window', report.window],
      ['From', report.from ?? 'all stored history'],
      ['To', report.to],
      ['Outlier rule', text(report.outlierRule)],
    ],
  );
  sheet(
    'Slowest',
    ['Model', 'Workspace', 'Environment', 'Type', 'Started', 'Duration (min)', 'Typical (min)'],
    report.slowest.map((r) => [
      text(r.modelName),
      text(r.workspaceName),
      text(r.environment),
      r.refreshType,
      r.startTime,
      minutes(r.durationMs),
      minutes(r.typicalMs),
    ]),
  );
  sheet(
    'Failed',
    ['Model', 'Workspace', 'Environment', 'Type', 'Started', 'Error code', 'Description'],
    report.failed.recent.map((r) => [
      text(r.modelName),
      text(r.workspaceName),
      text(r.environment),
      r.refreshType,
      r.startTime,
      text(r.errorCode),
      text(r.errorDescription),
    ]),
  );
  sheet(
    'Failure rates',
    ['Environment or model', 'Refreshes', 'Failed', 'Failure rate'],
    [...report.failed.byEnvironment, ...report.failed.byModel].map((r) => [text(r.label), r.refreshes, r.failed, r.rate]),
  );
  sheet(
    'Error codes',
    ['Error code', 'Failures'],
    report.failed.codes.map((r) => [text(r.errorCode), r.count]),
  );
  sheet(
    'Outliers',
    ['Model', 'Workspace', 'Environment', 'Started', 'Duration (min)', 'Median before (min)', 'Threshold (min)', '× median'],
    report.outliers.map((r) => [
      text(r.modelName),
      text(r.workspaceName),
      text(r.environment),
      r.startTime,
      minutes(r.durationMs),
      minutes(r.medianMs),
      minutes(r.thresholdMs),
      Math.round(r.ratio * 10) / 10,
    ]),
  );
  sheet(
    'Refresh counts',
    [report.bucket === 'hour' ? 'Hour (UTC)' : 'Day (UTC)', 'Environment', 'Completed', 'Failed', 'Cancelled', 'Disabled'],
    report.counts.map((p) => [p.at, text(p.environment), p.completed, p.failed, p.cancelled, p.disabled]),
  );
  sheet(
    'Start delay',
    ['Capacity', 'Scheduled refreshes', 'p50 (min)', 'p95 (min)'],
    report.startDelay.map((d) => [text(d.capacityName), d.scheduled, minutes(d.p50Ms), minutes(d.p95Ms)]),
  );
  sheet(
    'Capacity',
    ['Capacity', 'Time (UTC)', 'Utilisation %'],
    report.capacity.map((p) => [text(p.capacityName), p.at, p.utilisation]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
