import { TrainingStore, sampleTenantId, sampleUsers, seedSampleTenant } from '@planboard/server';
import { lockChange } from '../training/changes';

// Runs against the Azurite started by the jest global setup (tests/support/global-setup.js).
const connection = (): string => {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set: run through the root jest config');
  return value;
};

describe('the sample training programme', () => {
  it('has ten Power BI days, the first four unlocked, recordings, progress and audit', async () => {
    await seedSampleTenant(connection());
    const store = new TrainingStore(connection());
    const { days, recordings } = await store.readProgramme(sampleTenantId);
    expect(days.map((day) => day.dayNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(days.filter((day) => day.unlocked).map((day) => day.dayNumber)).toEqual([1, 2, 3, 4]);
    expect(days.every((day) => day.title.length > 0 && day.presentationUrl.startsWith('https://'))).toBe(true);
    expect(new Set(recordings.map((recording) => recording.platform))).toEqual(new Set(['youtube', 'vimeo', 'stream']));
    expect(
      recordings.filter((r) => r.platform === 'youtube').every((r) => r.embedUrl?.startsWith('https://www.youtube-nocookie.com/embed/')),
    ).toBe(true);
    const audit = await store.audit(sampleTenantId, 100);
    expect(audit.filter((entry) => entry.action === 'unlock')).toHaveLength(4);
    // Newest first.
    expect(audit.map((entry) => entry.at)).toEqual([...audit.map((entry) => entry.at)].sort().reverse());
    const all = await store.allProgress(sampleTenantId);
    expect(all.size).toBeGreaterThanOrEqual(sampleUsers.length - 4);
    const completions = [...all.values()].flatMap((entry) => [...entry.days.values()].map((day) => day.completionPct));
    expect(completions).toContain(100);
    expect(completions.some((pct) => pct > 0 && pct < 100)).toBe(true);
  });

  it('a re-seed leaves a programme that admins changed alone', async () => {
    await seedSampleTenant(connection());
    const store = new TrainingStore(connection());
    const day4 = (await store.readProgramme(sampleTenantId)).days.find((day) => day.dayNumber === 4)!;
    const lock = lockChange(day4, { name: 'Test', upn: 'test@contoso.onmicrosoft.com' }, new Date().toISOString());
    if (!lock) throw new Error('day 4 of the sample is unlocked');
    expect(await store.commit(sampleTenantId, lock)).toBe('ok');
    const report = await seedSampleTenant(connection());
    expect(report.inserted.training).toBe(0);
    expect((await store.readProgramme(sampleTenantId)).days.find((day) => day.dayNumber === 4)?.unlocked).toBe(false);
  });
});
