import type { Ctx } from "../../audit/command.ts";
import type { AdjustableClock } from "../../platform/clock.ts";

/** Moves the demo platform clock (demo and test mode only), recording from when to when. */
export async function setDemoClock(ctx: Ctx, clock: AdjustableClock, target: Date): Promise<void> {
  await ctx.audit({ action: "clock.set", objectType: "clock", objectId: null, oldValues: { now: ctx.now.toISOString() }, newValues: { now: target.toISOString() } });
  clock.set(target);
}
