import type { TableEntity } from '@azure/data-tables';
import { parseVideoUrl, type Recording, type TrainingAuditEntry } from '@planboard/contracts';
import { auditEntity, dayEntity, progressEntity, recordingEntity, type StoredDay } from '../training/entities';
import { completionOf, partsOf } from '../training/progress';
import { sampleTenantId, sampleUsers } from './directory';

/** A ten-day Power BI course (seed 004): the first four days unlocked, recordings on most of them. */
const course: [title: string, description: string][] = [
  ['Power BI in a day: the big picture', 'Desktop, the service and Teams: where reports live, who sees what, and how a dataset refreshes.'],
  ['Getting data with Power Query', 'Connecting to Excel, SharePoint and SQL; shaping columns; merges and appends; query folding.'],
  ['Modelling: stars, not snowflakes', 'Fact and dimension tables, relationships and their direction, a date table you can trust.'],
  ['DAX fundamentals', 'Calculated columns versus measures, CALCULATE and filter context, time intelligence.'],
  ['Visuals that answer questions', 'Choosing the right chart, conditional formatting, drill-through and tooltips.'],
  ['Row-level security', 'Roles, USERPRINCIPALNAME() and testing RLS as another user before you publish.'],
  ['Publishing and workspaces', 'Dev, Test and Prod workspaces, deployment pipelines, apps for your audience.'],
  ['Refresh and gateways', 'Scheduled and on-demand refresh, incremental refresh, reading a failed refresh.'],
  ['Performance tuning', 'Performance analyzer, DAX Studio, aggregations, and what makes a model slow.'],
  ['Capstone: your own report', 'Build a report for your business unit and present it to the group.'],
];

const unlockedDays = 4;
const seedAt = (day: number, hour = 9): string => new Date(Date.UTC(2026, 9, 5 + (day - 1) * 7, hour)).toISOString();
const admin = sampleUsers.find((user) => user.role === 'admin') ?? sampleUsers[0]!;
const by = { name: admin.name, upn: admin.upn };

const videos: Record<number, [title: string, url: string, durationSeconds: number][]> = {
  1: [['Kick-off session', 'https://www.youtube.com/watch?v=AGrl-H87pRU', 3120]],
  2: [['Power Query walkthrough', 'https://youtu.be/0aeZX1l4JT4', 2700]],
  3: [['Modelling clinic', 'https://vimeo.com/76979871', 2400]],
  4: [['DAX live session', 'https://www.youtube.com/watch?v=klQAZLr5vxA', 3600]],
  6: [['RLS demo', 'https://contoso.sharepoint.com/:v:/s/training/EaRlsDemoRecording?e=Ab12Cd', 1800]],
};

function sampleDay(dayNumber: number): Omit<StoredDay, 'etag'> {
  const [title, description] = course[dayNumber - 1]!;
  const unlocked = dayNumber <= unlockedDays;
  return {
    dayNumber,
    title,
    description,
    presentationUrl: `https://contoso.sharepoint.com/sites/training/Shared%20Documents/Power%20BI/day-${dayNumber}.pptx`,
    resourcesUrl: `https://contoso.sharepoint.com/sites/training/Shared%20Documents/Power%20BI/day-${dayNumber}-resources`,
    unlocked,
    ...(unlocked ? { unlock: { at: seedAt(dayNumber), by } } : {}),
    updatedAt: seedAt(1, 8),
    updatedBy: by,
  };
}

function sampleRecordings(): Recording[] {
  return Object.entries(videos).flatMap(([day, list]) =>
    list.map(([title, url, durationSeconds], index) => {
      const parsed = parseVideoUrl(url);
      if (!parsed.ok) throw new Error(`sample recording ${url}: ${parsed.reason}`);
      return {
        recordingId: `sample${day.padStart(2, '0')}${index}`,
        dayNumber: Number(day),
        title,
        url: parsed.url,
        platform: parsed.platform,
        ...(parsed.embedUrl ? { embedUrl: parsed.embedUrl } : {}),
        durationSeconds,
        active: true,
        addedAt: seedAt(Number(day), 8),
        addedBy: by,
      };
    }),
  );
}

/** A few admin actions, as the audit would hold them. */
function sampleAudit(): TrainingAuditEntry[] {
  const unlocks = Array.from({ length: unlockedDays }, (_, index): TrainingAuditEntry => ({
    id: `sample-unlock-${index + 1}`,
    at: seedAt(index + 1),
    by,
    action: 'unlock',
    dayNumber: index + 1,
    summary: `Unlocked day ${index + 1} (learners notified)`,
    changes: [{ field: 'unlocked', from: 'no', to: 'yes' }],
  }));
  const recordings = sampleRecordings().map((recording, index): TrainingAuditEntry => ({
    id: `sample-recording-${index + 1}`,
    at: recording.addedAt,
    by,
    action: 'addRecording',
    dayNumber: recording.dayNumber,
    summary: `Added recording “${recording.title}” (${recording.platform}) to day ${recording.dayNumber}`,
    changes: [{ field: 'recording', from: '', to: recording.url }],
  }));
  return [...unlocks, ...recordings];
}

/**
 * Progress for the sample learners: the further down the directory, the less done, so the admin
 * matrix shows every shade (complete, partly watched, only the slides, not started).
 */
function sampleProgress(days: Omit<StoredDay, 'etag'>[], recordings: Recording[]): TableEntity[] {
  return sampleUsers.flatMap((user, userIndex) =>
    days
      .filter((day) => day.unlocked && day.dayNumber <= unlockedDays - (userIndex % 5))
      .map((day) => {
        const parts = partsOf(
          day,
          recordings.filter((recording) => recording.dayNumber === day.dayNumber),
        );
        const last = day.dayNumber === unlockedDays - (userIndex % 5);
        const marks = {
          presentationOpened: true,
          recordingWatched: !last,
          watchedSeconds: last ? Math.round((parts.recording?.durationSeconds ?? 0) * 0.4) : (parts.recording?.durationSeconds ?? 0),
        };
        const progress = {
          dayNumber: day.dayNumber,
          ...marks,
          completionPct: completionOf(parts, marks),
          updatedAt: seedAt(day.dayNumber, 15),
        };
        return progressEntity(user.tid, user.oid, { name: user.name, upn: user.upn }, progress);
      }),
  );
}

/** The sample programme's rows: days, recordings and audit (`training`), and learners' progress (`trainingprogress`). */
export function sampleTrainingEntities(): { programme: TableEntity[]; progress: TableEntity[] } {
  const days = course.map((_, index) => sampleDay(index + 1));
  const recordings = sampleRecordings();
  return {
    programme: [
      ...days.map((day) => dayEntity(sampleTenantId, day)),
      ...recordings.map((recording) => recordingEntity(sampleTenantId, recording)),
      ...sampleAudit().map((entry) => auditEntity(sampleTenantId, entry)),
    ],
    progress: sampleProgress(days, recordings),
  };
}
