/**
 * Shares reads of the same key among concurrent callers without ever answering with data older
 * than the call: a caller that arrives while a read runs waits for the *next* read, which starts
 * after it and is shared by everyone who arrived meanwhile. So a burst of N reads of one plan costs
 * at most two storage reads in this process, and a client that saved and then reads sees its save.
 * Only promises in flight are kept (no cache): correctness never depends on this process.
 */
export class ReadCoalescer<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly queued = new Map<string, Promise<T>>();

  read(key: string, load: () => Promise<T>): Promise<T> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const running = this.running.get(key);
    if (!running) return this.start(key, load);
    const next = running
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(key);
        return this.start(key, load);
      });
    this.queued.set(key, next);
    return next;
  }

  private start(key: string, load: () => Promise<T>): Promise<T> {
    const promise = load().finally(() => {
      if (this.running.get(key) === promise) this.running.delete(key);
    });
    this.running.set(key, promise);
    return promise;
  }
}
