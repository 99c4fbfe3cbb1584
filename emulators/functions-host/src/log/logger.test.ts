import { configureLogging, isLogEnabled, parseLogLevel, writeLog } from './logger';

describe('logger', () => {
  it('maps host.json level names', () => {
    expect(parseLogLevel('Information')).toBe('information');
    expect(parseLogLevel('warn')).toBe('warning');
    expect(parseLogLevel('verbose')).toBeUndefined();
  });

  it('filters by the most specific host.json logLevel category, then default', () => {
    configureLogging({ default: 'Warning', Function: 'Information', 'Function.noisy.User': 'Error' }, () => undefined);
    expect(isLogEnabled('information', 'Host.General')).toBe(false);
    expect(isLogEnabled('information', 'Function.quiet.User')).toBe(true);
    expect(isLogEnabled('warning', 'Function.noisy.User')).toBe(false);
    expect(isLogEnabled('error', 'Function.noisy.User')).toBe(true);
  });

  it('prefixes function logs with the function name and invocation id', () => {
    const lines: string[] = [];
    configureLogging({}, (line) => lines.push(line));
    writeLog({ level: 'warning', category: 'Function.f.User', message: 'careful', functionName: 'f', invocationId: 'id-1' });
    writeLog({ level: 'debug', category: 'Function.f.User', message: 'hidden', functionName: 'f', invocationId: 'id-1' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\dT[\d:.]+Z\] \[f\] \[id-1\] warning: careful$/);
  });
});
