import { describe, expect, it } from '@jest/globals';
import type { TrainingProgressMatrix } from '@planboard/contracts';
import { filterLearners } from './learnerFilter';

const day = (dayNumber: number, unlocked: boolean) => ({ dayNumber, title: `Day ${dayNumber}`, unlocked, completed: 0, started: 0 });
const matrix: TrainingProgressMatrix = {
  days: [day(1, true), day(2, true), day(3, false)],
  learners: [
    { name: 'Nora Lindqvist', upn: 'nora.lindqvist@contoso.onmicrosoft.com', completion: [100, 100, 0], overallPct: 66 },
    { name: 'Erik Hansen', upn: 'erik.hansen@contoso.onmicrosoft.com', completion: [100, 40, 0], overallPct: 46 },
    { name: 'Omar Haddad', upn: 'omar.haddad@contoso.onmicrosoft.com', completion: [0, 0, 0], overallPct: 0 },
  ],
};
const names = (text: string, status: Parameters<typeof filterLearners>[2]) => filterLearners(matrix, text, status).map((l) => l.name);

describe('filtering the progress matrix', () => {
  it('finds learners by any words of their name or sign-in name', () => {
    expect(names('', 'everyone')).toEqual(['Nora Lindqvist', 'Erik Hansen', 'Omar Haddad']);
    expect(names('  HANSEN ', 'everyone')).toEqual(['Erik Hansen']);
    expect(names('omar contoso', 'everyone')).toEqual(['Omar Haddad']);
    expect(names('nobody', 'everyone')).toEqual([]);
  });

  it('by status over the open days only (a locked day does not keep anyone from completing)', () => {
    expect(names('', 'complete')).toEqual(['Nora Lindqvist']);
    expect(names('', 'inProgress')).toEqual(['Erik Hansen']);
    expect(names('', 'notStarted')).toEqual(['Omar Haddad']);
    expect(names('erik', 'complete')).toEqual([]);
  });
});
