import { describe, expect, it } from '@jest/globals';
import {
  domainValues,
  lineChartGeometry,
  linePath,
  niceAxis,
  niceStep,
  sparklineGeometry,
  tickIndexes,
  valueDomain,
} from './chartGeometry';

const higher = { targetType: 'higherIsBetter' as const };
const range = { targetType: 'withinRange' as const, rangeMin: 40, rangeMax: 60 };

describe('scales and ticks', () => {
  it('pads the value domain, and widens a flat line around its value', () => {
    expect(valueDomain([0, 100])).toEqual({ min: -8, max: 108 });
    expect(valueDomain([50, 50])).toEqual({ min: 45, max: 55 });
    expect(valueDomain([0])).toEqual({ min: -1, max: 1 });
    expect(valueDomain([])).toEqual({ min: 0, max: 1 });
    expect(valueDomain([NaN, 3, 3])).toEqual({ min: 2.7, max: 3.3 });
  });

  it('picks round steps and extends the axis to them', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(0.9, 5)).toBe(0.2);
    expect(niceStep(12, 5)).toBe(2);
    expect(niceStep(4000, 5)).toBe(1000);
    expect(niceAxis({ min: 88.3, max: 98.7 }, 5)).toEqual({ domain: { min: 88, max: 100 }, ticks: [88, 90, 92, 94, 96, 98, 100] });
    expect(niceAxis({ min: 0.05, max: 0.3 }, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('labels at most the number of periods that fit, evenly back from the latest', () => {
    expect(tickIndexes(0, 5)).toEqual([]);
    expect(tickIndexes(4, 5)).toEqual([0, 1, 2, 3]);
    expect(tickIndexes(12, 5)).toEqual([2, 5, 8, 11]);
    expect(tickIndexes(13, 5)).toEqual([0, 3, 6, 9, 12]);
    expect(tickIndexes(30, 1)).toEqual([29]);
  });

  it('breaks a path where a value is missing', () => {
    expect(linePath([{ x: 0, y: 1 }, { x: 2.04, y: 3 }, null, { x: 4, y: 5 }])).toBe('M0,1L2,3M4,5');
    expect(linePath([])).toBe('');
  });
});

describe('sparkline', () => {
  it('includes targets and the range in the domain', () => {
    expect(domainValues([{ value: 1, target: 5 }, { value: 2 }], higher)).toEqual([1, 5, 2]);
    expect(domainValues([{ value: 50 }], range)).toEqual([50, 40, 60]);
  });

  it('spreads the points across the box, values upwards, with the target line', () => {
    const g = sparklineGeometry(
      [
        { value: 0, target: 10 },
        { value: 10, target: 10 },
        { value: 20, target: 10 },
      ],
      higher,
      108,
      28,
      4,
    );
    expect(g.points.map((p) => p.x)).toEqual([4, 54, 104]);
    expect(g.points[0]!.y).toBeGreaterThan(g.points[2]!.y);
    expect(g.points[1]!.y).toBeCloseTo(14);
    expect(g.target).toBe('M4,14L54,14L104,14');
    expect(g.band).toBeUndefined();
  });

  it('draws a band, not a target line, for a range', () => {
    const g = sparklineGeometry([{ value: 50 }, { value: 70 }], range, 100, 40);
    expect(g.target).toBe('');
    expect(g.band!.top).toBeLessThan(g.band!.bottom);
    expect(g.points[1]!.y).toBeLessThan(g.band!.top);
  });

  it('centres a single point and draws its target across', () => {
    const g = sparklineGeometry([{ value: 5, target: 6 }], higher, 100, 20, 0);
    expect(g.points).toEqual([{ x: 50, y: expect.any(Number) }]);
    expect(g.target).toMatch(/^M0,[\d.]+L100,[\d.]+$/);
  });
});

describe('detail chart', () => {
  it('places round value ticks inside the plot and spaced period labels', () => {
    const trend = Array.from({ length: 12 }, (_, i) => ({ value: 90 + i * 0.6, target: 95 }));
    const g = lineChartGeometry(trend, higher, { width: 640, height: 240, margin: { left: 40, right: 16, top: 8, bottom: 28 } });
    expect(g.plot).toEqual({ left: 40, top: 8, right: 624, bottom: 212 });
    expect(g.yTicks[0]!.y).toBeCloseTo(212);
    expect(g.yTicks[g.yTicks.length - 1]!.y).toBeCloseTo(8);
    expect(g.yTicks.every((t) => Number.isInteger(t.value * 2))).toBe(true);
    expect(g.xTicks[0]!.x).toBeGreaterThanOrEqual(40);
    expect(g.xTicks[g.xTicks.length - 1]).toEqual({ index: 11, x: 624 });
    expect(g.xTicks.length).toBeLessThanOrEqual(8);
  });
});
