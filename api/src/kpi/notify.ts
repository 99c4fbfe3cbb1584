import type { KpiOffTrackNotification } from '@planboard/contracts';
import { type Caller, enqueueNotification, type KpiDefinition, type StoredPoint } from '@planboard/server';
import { config } from '../config';
import { targetText } from '@planboard/server';

/**
 * The alert for a KPI that a write turned off track. Its id names the KPI and the period that is
 * off track, so a retried request (or two writers racing) produce the same id and the bot posts
 * one card; a later period going off track again is a new alert.
 */
export function offTrackNotification(
  kpi: KpiDefinition,
  departmentName: string,
  point: StoredPoint,
  by: Pick<Caller, 'name' | 'upn'>,
): KpiOffTrackNotification {
  return {
    kind: 'kpiOffTrack',
    id: `kpiOffTrack:${kpi.departmentId}:${kpi.kpiId}:${point.periodStart}`,
    version: 1,
    createdAt: point.recordedAt,
    departmentId: kpi.departmentId,
    departmentName: departmentName.slice(0, 200),
    kpiId: kpi.kpiId,
    kpiName: kpi.name.slice(0, 200),
    unit: kpi.unit.slice(0, 40),
    period: point.period,
    periodStart: point.periodStart,
    value: point.value,
    ...(point.target === undefined ? {} : { target: point.target }),
    targetText: targetText(kpi, point.target).slice(0, 200),
    by: { name: by.name.slice(0, 200), upn: by.upn.slice(0, 320) },
    at: point.recordedAt,
  };
}

/**
 * Puts the alert on the bot's queue (three attempts). A queue outage does not undo the data
 * point: it is logged, and the write is answered as usual.
 */
export async function sendOffTrack(notification: KpiOffTrackNotification, warn: (message: string) => void): Promise<boolean> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      await enqueueNotification(config().AzureWebJobsStorage, notification);
      return true;
    } catch (error) {
      if (attempt === 3) warn(`Could not enqueue ${notification.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return false;
}
