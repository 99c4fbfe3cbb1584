import { parseCommand, parseDays, parseTimes } from './parse';

describe('parseCommand', () => {
  it('reads each command, case-insensitively, with a leading slash tolerated', () => {
    expect(parseCommand('HELP')).toEqual({ kind: 'help' });
    expect(parseCommand('/status')).toEqual({ kind: 'status' });
    expect(parseCommand('refresh  Budget   Planning (Prod) ')).toEqual({ kind: 'refresh', dataset: 'Budget Planning (Prod)' });
    expect(parseCommand('schedule Store Sales')).toEqual({ kind: 'scheduleShow', dataset: 'Store Sales' });
    expect(parseCommand('subscribe')).toEqual({ kind: 'subscribe', topics: ['refresh', 'plans', 'kpis', 'training', 'data'] });
    expect(parseCommand('subscribe all')).toEqual({ kind: 'subscribe', topics: ['refresh', 'plans', 'kpis', 'training', 'data'] });
    expect(parseCommand('subscribe plans')).toEqual({ kind: 'subscribe', topics: ['plans'] });
    expect(parseCommand('subscribe KPIs')).toEqual({ kind: 'subscribe', topics: ['kpis'] });
    expect(parseCommand('subscribe training')).toEqual({ kind: 'subscribe', topics: ['training'] });
    expect(parseCommand('subscribe data')).toEqual({ kind: 'subscribe', topics: ['data'] });
    expect(parseCommand('Training')).toEqual({ kind: 'training' });
    expect(parseCommand('unsubscribe kpi')).toEqual({ kind: 'unsubscribe', topics: ['kpis'] });
    expect(parseCommand('unsubscribe refreshes')).toEqual({ kind: 'unsubscribe', topics: ['refresh'] });
  });

  it('turns anything else into help', () => {
    expect(parseCommand('hello there')).toEqual({ kind: 'help' });
    expect(parseCommand('')).toEqual({ kind: 'help' });
  });

  it('reads a schedule change, the dataset name may contain "set"', () => {
    expect(parseCommand('schedule Asset Register set weekdays 06:00,18:30 W. Europe Standard Time')).toEqual({
      kind: 'scheduleSet',
      dataset: 'Asset Register',
      days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      times: ['06:00', '18:30'],
      timeZone: 'W. Europe Standard Time',
    });
    expect(parseCommand('schedule Sales set set daily 6:30')).toMatchObject({
      kind: 'scheduleSet',
      dataset: 'Sales set',
      times: ['06:30'],
    });
  });

  it('explains what it could not read', () => {
    expect(parseCommand('refresh')).toMatchObject({ kind: 'usage', command: 'refresh' });
    expect(parseCommand('schedule X set weekdays 06:10')).toMatchObject({ kind: 'usage', problem: expect.stringMatching(/06:10/) });
    expect(parseCommand('subscribe everything')).toEqual({
      kind: 'usage',
      command: 'subscribe',
      problem: '"everything" is not refresh, plans, kpis, training, data or all',
    });
  });
});

describe('days and times', () => {
  it('reads names, groups and ranges (wrapping the week), in week order', () => {
    expect(parseDays('fri,mon')).toEqual(['Monday', 'Friday']);
    expect(parseDays('sat-mon')).toEqual(['Monday', 'Saturday', 'Sunday']);
    expect(parseDays('weekends')).toEqual(['Saturday', 'Sunday']);
    expect(parseDays('daily')).toHaveLength(7);
    expect(parseDays('funday')).toMatch(/not a day/);
  });

  it('accepts times on the hour or half hour only, sorted and de-duplicated', () => {
    expect(parseTimes('18:30,6:00,06:00')).toEqual(['06:00', '18:30']);
    expect(parseTimes('24:00')).toMatch(/not a time/);
    expect(parseTimes('07:15')).toMatch(/not a time/);
  });
});
