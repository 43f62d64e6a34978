// The time source of the session player. The real clock follows performance.now(); tests use a
// manual clock and move it forward by hand.
export interface Clock {
  now(): number; // milliseconds, monotonic
  every(ms: number, fn: () => void): () => void; // returns a cancel function
}

export const realClock: Clock = {
  now: () => performance.now(),
  every(ms, fn) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};

export class ManualClock implements Clock {
  private t = 0;
  private timers = new Set<{ ms: number; next: number; fn: () => void }>();
  now(): number {
    return this.t;
  }
  every(ms: number, fn: () => void): () => void {
    const timer = { ms, next: this.t + ms, fn };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let first: { ms: number; next: number; fn: () => void } | undefined;
      for (const x of this.timers) if (x.next <= end && (!first || x.next < first.next)) first = x;
      if (!first) break;
      this.t = first.next;
      first.next += first.ms;
      first.fn();
    }
    this.t = end;
  }
}
