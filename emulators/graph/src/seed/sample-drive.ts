import { storesWithSalesData } from '@planboard/dataverse-emulator';
import { Drive, driveIdOf } from '../model/drive';
import { badRows, salesWorkbook, weekRows, xlsxMimeType } from './workbooks';

/** The seeded OneDrive: the store-data account's drive and the folder the pipeline reads. */
export const sampleDrive = {
  id: driveIdOf('contoso-planboard-store-data'),
  name: 'OneDrive',
  webUrl: 'https://contoso-my.sharepoint.com/personal/store_data_contoso_onmicrosoft_com/Documents',
  /** The folder of weekly workbooks, relative to the drive root. */
  salesFolder: 'Store data/Weekly sales',
  weeks: 12,
  /** Which of the weeks (0 = oldest) has the file with bad rows. */
  badWeekIndex: 8,
} as const;

/** The Monday (UTC) of the ISO week before the one `now` falls in: the last complete week. */
export function lastCompleteWeekMonday(now: Date): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - (sinceMonday + 7) * 86_400_000);
}

/** ISO week label `2026-W49` of a Monday. */
export function isoWeek(monday: Date): string {
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The file name of a week's workbook. */
export function weeklyFileName(monday: Date): string {
  return `store-sales-${isoWeek(monday)}.xlsx`;
}

/** Generated workbooks by week, so a reset does not rebuild the same files. */
const workbookCache = new Map<string, Buffer>();

/**
 * A drive with one workbook per week for the last 12 complete weeks (stores that have sales
 * data; see the Dataverse seed), the file of week `badWeekIndex` with bad rows appended.
 */
export async function seedSampleDrive(now = new Date()): Promise<Drive> {
  const drive = new Drive(sampleDrive.id, sampleDrive.name, sampleDrive.webUrl);
  const stores = storesWithSalesData();
  const last = lastCompleteWeekMonday(now);
  for (let index = 0; index < sampleDrive.weeks; index++) {
    const monday = new Date(last.getTime() - (sampleDrive.weeks - 1 - index) * 7 * 86_400_000);
    const rows = weekRows(stores, monday);
    if (index === sampleDrive.badWeekIndex) rows.push(...badRows(stores, monday));
    const uploaded = new Date(Math.min(monday.getTime() + 8 * 86_400_000 + 6 * 3_600_000, now.getTime()));
    const key = `${monday.toISOString()}|${uploaded.toISOString()}|${index === sampleDrive.badWeekIndex}`;
    const content = workbookCache.get(key) ?? (await salesWorkbook(rows, uploaded));
    workbookCache.set(key, content);
    drive.putFile(
      `${sampleDrive.salesFolder}/${weeklyFileName(monday)}`,
      content,
      xlsxMimeType,
      uploaded.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
  }
  return drive;
}
