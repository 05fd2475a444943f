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

/** 1992-01-01 00:00 in Shanghai: China has kept UTC+8 without daylight saving since its last DST ended in September 1991. */
const FIXED_OFFSET_SINCE = Date.UTC(1991, 11, 31, 16);
const EIGHT_HOURS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai (arithmetic since 1992, the time zone database before). */
export function shanghaiDay(instant: Date): string {
  const t = instant.getTime();
  if (t >= FIXED_OFFSET_SINCE && t < 253_402_300_800_000 - EIGHT_HOURS) return new Date(t + EIGHT_HOURS).toISOString().slice(0, 10);
  return shanghaiDate.format(instant);
}

/** Year of an instant in Asia/Shanghai. */
export function shanghaiYear(instant: Date): number {
  return Number(shanghaiDay(instant).slice(0, 4));
}
