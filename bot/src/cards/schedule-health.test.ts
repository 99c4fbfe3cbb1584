import type { AdaptiveCard } from '../platform/types';
import { asShown, states, texts, validate } from '../test-support/card-checks';
import { hostileStrings, modelStale, scheduleAtRisk, scheduleDisabled } from '../test-support/notifications';
import type { RefreshCardState } from './refresh-failed';
import { modelStaleCard, scheduleAtRiskCard, scheduleDisabledCard } from './schedule-health';

/** The schedule-health cards, checked like every other alert card (cards.test.ts): valid 1.5 whatever the data. */
describe('the schedule-health cards', () => {
  const url = 'https://tab.example.test/index.html#/operations?workspace=ws-1&dataset=ds-1';
  const healthStates: RefreshCardState[] = [
    ...states,
    { snooze: { by: hostileStrings[2] ?? '', at: '2026-03-06T09:05:00.000Z', until: '2026-03-07T09:05:00.000Z' } },
    { reenabled: { by: hostileStrings[4] ?? '', at: '2026-03-06T09:05:00.000Z', tookOver: true } },
  ];
  const titles = (card: AdaptiveCard) => (card.actions as { title: string }[]).map((action) => action.title);

  it.each(hostileStrings.map((value, index) => [index, value] as const))('are valid 1.5 with hostile string #%i', (_index, value) => {
    const data = { datasetName: value.slice(0, 400), workspaceName: value.slice(0, 400), environment: value.slice(0, 100) };
    for (const state of healthStates) {
      const cards = [
        scheduleAtRiskCard(scheduleAtRisk({ ...data, errorCode: value.slice(0, 400), errorDescription: value.slice(0, 4000) }), state, url),
        scheduleDisabledCard(scheduleDisabled({ ...data, errorCode: value.slice(0, 400) }), state, url),
        scheduleDisabledCard(scheduleDisabled(data), state, url, { confirming: true }),
        modelStaleCard(modelStale(data), state, url),
      ];
      for (const card of cards) {
        validate(card);
        expect(texts(card).join('\n')).toContain(asShown(value).slice(0, 120));
        expect((card.actions as unknown[]).length).toBeLessThanOrEqual(3);
      }
    }
  });

  it('the third-failure card says one more failure disables the schedule; Retry, Open history, Snooze 24 h', () => {
    const card = scheduleAtRiskCard(scheduleAtRisk({ datasetName: 'Budget Planning' }), {}, url);
    const shown = texts(card).join('\n');
    expect(shown).toMatch(/One more failure and Power BI disables this refresh schedule/);
    expect(shown).toContain('Budget Planning');
    expect(shown).not.toContain('ds-');
    expect(titles(card)).toEqual(['Retry refresh', 'Open history', 'Snooze 24 h']);
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open history', url });
    const snoozed = scheduleAtRiskCard(scheduleAtRisk(), healthStates[4] ?? {}, url);
    expect(titles(snoozed)).toEqual(['Retry refresh', 'Open history']);
    expect(texts(snoozed).join('\n')).toMatch(/until 7 Mar 2026, 09:05 UTC/);
  });

  it('the disabled card asks before re-enabling, and shows who re-enabled it', () => {
    const n = scheduleDisabled();
    expect(titles(scheduleDisabledCard(n, {}, url))).toEqual(['Re-enable schedule', 'Open history']);
    const confirming = scheduleDisabledCard(n, {}, url, { confirming: true });
    expect(titles(confirming)).toEqual(['Yes, re-enable', 'Cancel', 'Open history']);
    expect(texts(confirming).join('\n')).toMatch(/Re-enable this schedule\?/);
    const done = scheduleDisabledCard(n, { reenabled: { by: 'Alex Morgan', at: '2026-03-06T09:05:00.000Z', tookOver: false } }, url);
    expect(titles(done)).toEqual(['Open history']);
    expect(texts(done).join('\n')).toMatch(/Schedule re-enabled by Alex Morgan at 6 Mar 2026, 09:05 UTC\./);
  });

  it('the stale card says since when and why, with Open history and Snooze 24 h', () => {
    const card = modelStaleCard(modelStale({ scheduleEnabled: false, lastSuccessAt: null }), {}, url);
    const shown = texts(card).join('\n');
    expect(shown).toMatch(/out of date/);
    expect(shown).toMatch(/the schedule is disabled/);
    expect(shown).toContain('none on record');
    expect(titles(card)).toEqual(['Open history', 'Snooze 24 h']);
  });
});
