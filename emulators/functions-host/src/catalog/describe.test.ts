import { parseHostJson } from '../config/host-json';
import type { RegisteredFunction } from '../core/registry';
import { describeFunction, publicPath } from './describe';

const registered = (name: string, trigger: Record<string, unknown>): RegisteredFunction => ({
  metadata: { name, bindings: { trigger: { direction: 'in', ...trigger }, $return: { type: 'http', direction: 'out' } } },
  callback: () => undefined,
});
const config = parseHostJson({});

describe('describeFunction', () => {
  it('derives HTTP route, path and methods (default route = function name)', () => {
    const fn = describeFunction(registered('Hello', { type: 'httpTrigger', methods: ['get', 'post'], authLevel: 'anonymous' }), config, {});
    expect(fn.http).toEqual({ route: 'Hello', path: '/api/Hello', methods: ['GET', 'POST'], authLevel: 'anonymous' });
    expect(fn.kind).toBe('http');
  });

  it('resolves %SETTING% in schedules and queue names, and reports unresolved ones as errors', () => {
    const timer = describeFunction(registered('t', { type: 'timerTrigger', schedule: '%CRON%' }), config, { CRON: '0 * * * * *' });
    expect(timer.timer?.schedule).toBe('0 * * * * *');
    const queue = describeFunction(registered('q', { type: 'queueTrigger', queueName: '%Q%' }), config, {});
    expect(queue.error).toMatch(/'%Q%' does not resolve to a value/);
  });

  it('rejects invalid queue names as Azure does at indexing time', () => {
    expect(describeFunction(registered('q', { type: 'queueTrigger', queueName: 'Bad_Name' }), config, {}).error).toMatch(
      /Invalid queue name/,
    );
  });

  it('marks functions disabled by app setting or left out of host.json functions', () => {
    expect(describeFunction(registered('a', { type: 'httpTrigger' }), config, { 'AzureWebJobs.a.Disabled': 'true' }).disabled).toBe(true);
    expect(describeFunction(registered('a', { type: 'httpTrigger' }), parseHostJson({ functions: ['b'] }), {}).disabled).toBe(true);
  });

  it('joins prefix and route into the public path', () => {
    expect(publicPath('api', '/items/{id}')).toBe('/api/items/{id}');
    expect(publicPath('', 'items')).toBe('/items');
  });
});
