/** The Table Storage singleton lease against the shared Azurite. */
import { randomBytes } from 'node:crypto';
import { hostTable, TableLease } from './table-lease';

const connection = (): string => {
  const value = process.env.AZURITE_CONNECTION_STRING;
  if (!value) throw new Error('AZURITE_CONNECTION_STRING is not set (run through the root jest config).');
  return value;
};

describe('TableLease', () => {
  const hostId = `lease-${randomBytes(4).toString('hex')}`;
  const table = () => hostTable(connection());

  it('lets exactly one of several racing owners acquire the lease', async () => {
    const leases = ['a', 'b', 'c', 'd'].map((owner) => new TableLease(table(), hostId, 'race.Listener', owner, 10_000));
    const results = await Promise.all(leases.map((lease) => lease.tryAcquire()));
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = leases[results.indexOf(true)] as TableLease;
    expect(await holder.renew()).toBe(true);
    expect(await holder.tryAcquire()).toBe(true);
    await holder.release();
  });

  it('is free for the next owner once released', async () => {
    const first = new TableLease(table(), hostId, 'release.Listener', 'first', 10_000);
    const second = new TableLease(table(), hostId, 'release.Listener', 'second', 10_000);
    expect(await first.tryAcquire()).toBe(true);
    expect(await second.tryAcquire()).toBe(false);
    await first.release();
    expect(await second.tryAcquire()).toBe(true);
    await second.release();
  });

  it('can be taken over after it expires, and the old holder notices on renewal', async () => {
    const stale = new TableLease(table(), hostId, 'expiry.Listener', 'stale', 300);
    const fresh = new TableLease(table(), hostId, 'expiry.Listener', 'fresh', 10_000);
    expect(await stale.tryAcquire()).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(await fresh.tryAcquire()).toBe(true);
    expect(await stale.renew()).toBe(false);
    expect(stale.held).toBe(false);
    await fresh.release();
  });
});
