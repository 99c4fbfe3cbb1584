import { ApiError } from '../errors';
import { Admission } from './admission';

const limits = { running: 2, waiting: 2, retryAfterSeconds: 3 };

describe('Admission', () => {
  it('runs up to the limit at once, queues up to the bound, refuses the rest with 503 ServerBusy and Retry-After', async () => {
    const admission = new Admission('exports', limits);
    const first = await admission.acquire();
    await admission.acquire();
    const queued = [admission.acquire(), admission.acquire()];
    expect(admission.usage).toEqual({ running: 2, waiting: 2 });
    const refused = await admission.acquire().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 503, code: 'ServerBusy', headers: { 'Retry-After': '3' } });
    expect((refused as ApiError).message).toMatch(/busy with other exports.*3 seconds/);
    first();
    await queued[0];
    expect(admission.usage).toEqual({ running: 2, waiting: 1 });
  });

  it('hands a freed slot to the oldest waiter (FIFO), and a double release frees one slot only', async () => {
    const admission = new Admission('saves', { ...limits, running: 1, waiting: 5 });
    const release = await admission.acquire();
    const order: number[] = [];
    const [firstWaiter, secondWaiter, thirdWaiter] = [1, 2, 3].map((n) =>
      admission.acquire().then((done) => {
        order.push(n);
        return done;
      }),
    );
    release();
    release();
    const next = await firstWaiter!;
    expect(order).toEqual([1]);
    expect(admission.usage).toEqual({ running: 1, waiting: 2 });
    next();
    (await secondWaiter!)();
    (await thirdWaiter!)();
    expect(order).toEqual([1, 2, 3]);
    expect(admission.usage).toEqual({ running: 0, waiting: 0 });
  });

  it('with no waiting room, refuses at once when all slots are busy', async () => {
    const admission = new Admission('imports', { ...limits, running: 1, waiting: 0 });
    const release = await admission.acquire();
    await expect(admission.acquire()).rejects.toMatchObject({ code: 'ServerBusy' });
    release();
    await expect(admission.acquire()).resolves.toEqual(expect.any(Function));
  });
});
