import { shanghaiDay } from "../../platform/clock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { administers, allowReadStaff, enforce } from "../../policy/index.ts";
import { findStaff, insertTrainingRecord, lockStaff, markTrained, regionGrantsOf } from "../repository.ts";
import { placeOf } from "../rules.ts";
import { requireStaff } from "../../platform/actor.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/**
 * Records that a staff member completed a training (R17). The first record makes them "trained",
 * which approving roles require; granting such a role is still a two-person change.
 */
export async function recordTraining(
  ctx: Ctx,
  staffId: string,
  input: { course: string; hours: number; completedOn: string; certificateNo?: string | undefined },
): Promise<{ id: string; trainedAt: string }> {
  await lockStaff(ctx.trx, staffId);
  const staff = await findStaff(ctx.trx, personalDataOf(ctx.deps.config), staffId);
  const place = staff ? placeOf(staff, (await regionGrantsOf(ctx.trx, [staff.id])).get(staff.id)) : null;
  if (!staff || !place || !allowReadStaff(ctx.actor, place)) throw new AppError("STAFF_NOT_FOUND");
  enforce(ctx.actor, administers(ctx.actor, place));
  if (!isRealDate(input.completedOn) || input.completedOn > shanghaiDay(ctx.now)) throw new AppError("VALIDATION_FAILED", { field: "completedOn" });
  const id = newId();
  await insertTrainingRecord(ctx.trx, {
    id, user_id: staffId, course: input.course, hours: input.hours, completed_on: input.completedOn, certificate_no: input.certificateNo ?? null,
    recorded_by: requireStaff(ctx.actor).id, recorded_at: ctx.now,
  });
  await markTrained(ctx.trx, staffId, ctx.now);
  await ctx.audit({
    action: "staff.training", objectType: "user", objectId: staffId,
    oldValues: { trained: staff.trained_at !== null }, newValues: { trainingId: id, ...input, trained: true },
  });
  return { id, trainedAt: (staff.trained_at ?? ctx.now).toISOString() };
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
