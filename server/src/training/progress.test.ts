import { completionOf, mergeProgress, overallOf, partsOf } from './progress';

const none = { presentationOpened: false, recordingWatched: false, watchedSeconds: 0 };
const recording = {
  recordingId: 'r1',
  dayNumber: 1,
  title: 'R',
  url: 'u',
  platform: 'youtube' as const,
  active: true,
  addedAt: '',
  addedBy: { name: '', upn: '' },
};

describe('completion of a day', () => {
  it('weighs the slides and the recording equally, counting only the parts the day has', () => {
    const both = partsOf({ presentationUrl: 'https://x' }, [{ ...recording, durationSeconds: 600 }]);
    expect(completionOf(both, none)).toBe(0);
    expect(completionOf(both, { ...none, presentationOpened: true })).toBe(50);
    expect(completionOf(both, { ...none, presentationOpened: true, watchedSeconds: 300 })).toBe(75);
    expect(completionOf(both, { ...none, presentationOpened: true, recordingWatched: true })).toBe(100);
    const slidesOnly = partsOf({ presentationUrl: 'https://x' }, [{ ...recording, active: false }]);
    expect(completionOf(slidesOnly, { ...none, presentationOpened: true })).toBe(100);
  });

  it('never reaches 100 % by position alone: the learner marks the recording watched', () => {
    const parts = partsOf({ presentationUrl: '' }, [{ ...recording, durationSeconds: 60 }]);
    expect(completionOf(parts, { ...none, watchedSeconds: 6000 })).toBe(99);
    expect(completionOf(partsOf({ presentationUrl: '' }, [recording]), { ...none, watchedSeconds: 50 })).toBe(0);
  });

  it('merges reports monotonically (flags stay on, position only moves forward)', () => {
    const parts = partsOf({ presentationUrl: 'https://x' }, [{ ...recording, durationSeconds: 100 }]);
    const first = mergeProgress(3, undefined, { presentationOpened: true, watchedSeconds: 80 }, parts, 't1');
    const second = mergeProgress(3, first, { watchedSeconds: 20 }, parts, 't2');
    expect(second).toEqual({
      dayNumber: 3,
      presentationOpened: true,
      recordingWatched: false,
      watchedSeconds: 80,
      completionPct: 90,
      updatedAt: 't2',
    });
    expect(mergeProgress(3, second, { recordingWatched: true }, parts, 't3').completionPct).toBe(100);
  });

  it('averages over the days asked for, a missing day counting as 0', () => {
    expect(
      overallOf(
        [1, 2, 3, 4],
        new Map([
          [1, { completionPct: 100 }],
          [2, { completionPct: 50 }],
        ]),
      ),
    ).toBe(37.5);
    expect(overallOf([], new Map())).toBe(0);
  });
});
