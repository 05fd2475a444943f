/** The platform clock. Every business timestamp, deadline and light reads this, never Date.now(). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that can be moved in demo and test mode. After `set`, time runs on from the set
 * instant at the real pace, so a running demo keeps ticking.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - this.base.now().getTime();
  }
  get offset(): number {
    return this.offsetMs;
  }
}

const shanghaiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDay(instant: Date): string {
  return shanghaiDate.format(instant);
}

/** Year of an instant in Asia/Shanghai. */
export function shanghaiYear(instant: Date): number {
  return Number(shanghaiDay(instant).slice(0, 4));
}
