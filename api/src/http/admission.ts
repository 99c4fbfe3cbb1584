import { ApiError } from '../errors';

/** Bounds of one kind of expensive work in this host process. */
export interface AdmissionLimits {
  /** Requests doing the work at once. */
  running: number;
  /** Requests allowed to wait for a slot; beyond that, new ones are refused at once. */
  waiting: number;
  /** What a refused client is told to wait before retrying (seconds). */
  retryAfterSeconds: number;
}

/** Gives back an admitted slot; calling it more than once is harmless. */
export type Release = () => void;

/**
 * Bounded concurrency with a bounded FIFO queue, per host process: the load a host takes on is
 * capped, and what is over the cap is refused early (503 ServerBusy with Retry-After) instead of
 * queueing without limit until memory runs out. A freed slot passes straight to the oldest
 * waiter, so nobody can overtake the queue. Scale-out is unaffected: every host has its own
 * admission, and nothing here is state the requests' results depend on.
 */
export class Admission {
  private active = 0;
  private readonly queue: Array<(release: Release) => void> = [];

  constructor(
    readonly name: string,
    readonly limits: AdmissionLimits,
  ) {}

  /** Slots in use and requests waiting (for health and benchmarks). */
  get usage(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.queue.length };
  }

  /** Resolves with a release function once a slot is free; throws 503 ServerBusy when the queue is full. */
  acquire(): Promise<Release> {
    if (this.active < this.limits.running) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.limits.waiting) return Promise.reject(this.busy());
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The slot goes to the next waiter as it is: `active` stays the same.
      if (next) next(this.releaser());
      else this.active -= 1;
    };
  }

  private busy(): ApiError {
    return new ApiError(
      503,
      'ServerBusy',
      `Planboard is busy with other ${this.name} right now. Please try again in ${this.limits.retryAfterSeconds} seconds.`,
      undefined,
      { 'Retry-After': String(this.limits.retryAfterSeconds) },
    );
  }
}
