import { FilterSyntaxError, matchesFilter, parseFilter } from './filter';

const oslo = { pb_name: 'Oslo Central', pb_region: 'Nordics', statecode: 0, pb_manager: null };

describe('$filter', () => {
  it('evaluates eq, ne, and, or, not, parentheses and string functions (case-insensitive like Dataverse)', () => {
    expect(matchesFilter(parseFilter("pb_region eq 'nordics' and statecode eq 0"), oslo)).toBe(true);
    expect(matchesFilter(parseFilter("contains(pb_name,'central') and not (pb_region ne 'Nordics')"), oslo)).toBe(true);
    expect(matchesFilter(parseFilter("startswith(pb_name, 'Osl') or pb_region eq 'Iberia'"), oslo)).toBe(true);
    expect(matchesFilter(parseFilter("endswith(pb_name,'Kamppi')"), oslo)).toBe(false);
    expect(matchesFilter(parseFilter('pb_manager eq null and statecode lt 1'), oslo)).toBe(true);
    expect(matchesFilter(parseFilter("pb_name eq 'O''Brien'"), { pb_name: "O'Brien" })).toBe(true);
  });

  it('refuses malformed expressions with the position', () => {
    expect(() => parseFilter('pb_name eq')).toThrow(FilterSyntaxError);
    expect(() => parseFilter("pb_name like 'x'")).toThrow(/position 8/);
    expect(() => parseFilter("(pb_name eq 'x'")).toThrow(FilterSyntaxError);
    expect(() => parseFilter("pb_name eq 'x' pb_region")).toThrow(FilterSyntaxError);
  });
});
