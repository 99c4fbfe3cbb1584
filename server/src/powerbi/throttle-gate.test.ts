import { PowerBiThrottledError } from './errors';
import { ThrottleGates, type Clock } from './throttle-gate';

/** A manual clock whose timers can fire early, as real ones may by a millisecond. */
function fakeClock(earlyByMs = 0) {
  let now = 1_000_000;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += Math.max(1, ms - earlyByMs);
      return Promise.resolve();
    },
  };
  return { clock, sleeps, advance: (ms: number) => (now += ms), now: () => now };
}

describe('ThrottleGate', () => {
  it('lets requests through at once while no Retry-After is pending', async () => {
    const { clock, sleeps } = fakeClock();
    await new ThrottleGates(clock, 60_000).for('app:a').wait();
    expect(sleeps).toEqual([]);
  });

  it('waits until the deadline counted from when the 429 arrived, never less, even if timers fire early', async () => {
    const time = fakeClock(3);
    const gate = new ThrottleGates(time.clock, 60_000).for('app:a');
    const receivedAt = time.now();
    gate.closeFor(2, receivedAt);
    time.advance(500);
    await gate.wait();
    expect(time.now()).toBeGreaterThanOrEqual(receivedAt + 2000);
    expect(time.sleeps[0]).toBe(1500);
    expect(time.sleeps.length).toBeGreaterThan(1); // woke early, slept again
  });

  it('keeps the latest deadline and shares it between gates of the same caller only', async () => {
    const time = fakeClock();
    const gates = new ThrottleGates(time.clock, 60_000);
    gates.for('app:a').closeFor(5, time.now());
    gates.for('app:a').closeFor(1, time.now());
    expect(gates.for('app:a').deadline).toBe(time.now() + 5000);
    expect(gates.for('user:b').isClosed()).toBe(false);
    await gates.for('app:a').wait();
    expect(gates.for('app:a').isClosed()).toBe(false);
  });

  it('rounds fractional seconds up and refuses waits longer than the maximum', async () => {
    const time = fakeClock();
    const gate = new ThrottleGates(time.clock, 60_000).for('app:a');
    gate.closeFor(0.0004, time.now());
    expect(gate.deadline).toBe(time.now() + 1);
    gate.closeFor(3392, time.now());
    await expect(gate.wait()).rejects.toBeInstanceOf(PowerBiThrottledError);
    await expect(gate.wait()).rejects.toMatchObject({ status: 429, retryAfterSeconds: 3392 });
  });
});
