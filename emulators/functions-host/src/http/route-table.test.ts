import type { FunctionDescriptor } from '../catalog/describe';
import { configureLogging } from '../log/logger';
import { RouteTable } from './route-table';

const fn = (name: string, route: string, methods: string[] | null, extra: Partial<FunctionDescriptor> = {}): FunctionDescriptor =>
  ({
    name,
    http: { route, path: `/api/${route}`, methods, authLevel: 'anonymous' },
    disabled: false,
    ...extra,
  }) as unknown as FunctionDescriptor;

describe('RouteTable', () => {
  // The invalid route below is reported on the log; keep test output clean.
  configureLogging({}, () => undefined);
  const table = new RouteTable(
    [
      fn('byName', 'things/{name}', ['GET']),
      fn('special', 'things/special', ['GET']),
      fn('create', 'things/{name}', ['POST']),
      fn('any', 'anything', null),
      fn('off', 'off', ['GET'], { disabled: true }),
      fn('broken', 'broken/{', ['GET']),
    ],
    'api',
  );

  it('picks the literal route first regardless of registration order', () => {
    expect(table.find('GET', '/api/things/special')?.entry.function.name).toBe('special');
    expect(table.find('GET', '/api/things/x')).toMatchObject({ entry: { function: { name: 'byName' } }, params: { name: 'x' } });
  });

  it('uses the method as a constraint: other methods fall through to other routes or nothing', () => {
    expect(table.find('POST', '/api/things/x')?.entry.function.name).toBe('create');
    expect(table.find('DELETE', '/api/things/x')).toBeUndefined();
    expect(table.find('patch', '/api/anything')?.entry.function.name).toBe('any');
  });

  it('skips disabled functions and invalid routes', () => {
    expect(table.find('GET', '/api/off')).toBeUndefined();
    expect(table.entries.map((entry) => entry.function.name)).not.toContain('broken');
  });

  it('lists the methods a path supports', () => {
    expect(table.methodsFor('/api/things/x')?.sort()).toEqual(['GET', 'POST']);
    expect(table.methodsFor('/api/nothing')).toBeUndefined();
  });
});
