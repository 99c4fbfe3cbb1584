import { budgetQuerySchema } from './budget';
import { findForbiddenKey, isoInstantSchema } from './safe-input';

describe('reserved keys', () => {
  it('finds __proto__, constructor and prototype at any depth, as JSON.parse keeps them', () => {
    expect(findForbiddenKey(JSON.parse('{"a":1,"__proto__":{"x":1}}'))).toBe('__proto__');
    expect(findForbiddenKey(JSON.parse('{"a":[1,{"b":{"constructor":0}}]}'))).toBe('a.1.b.constructor');
    expect(findForbiddenKey(JSON.parse('[{"prototype":null}]'))).toBe('0.prototype');
  });

  it('lets ordinary input through, including the words as values', () => {
    expect(findForbiddenKey(JSON.parse('{"comment":"__proto__","constructors":["prototype"]}'))).toBeUndefined();
    expect(findForbiddenKey('__proto__')).toBeUndefined();
  });
});

describe('date-time inputs', () => {
  it.each(['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '1969-12-31T23:59:59.999Z', 'soon', ''])(
    'refuses %j (out of range or not a date)',
    (value) => {
      expect(isoInstantSchema.safeParse(value).success).toBe(false);
      expect(budgetQuerySchema.safeParse({ since: value }).success).toBe(false);
    },
  );

  it('accepts a cursor as the API returns it', () => {
    expect(budgetQuerySchema.parse({ since: '2026-12-07T06:30:00.123Z' })).toEqual({ since: '2026-12-07T06:30:00.123Z' });
  });
});
