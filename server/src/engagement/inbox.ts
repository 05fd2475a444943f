import type { Ctx } from "../audit/command.ts";
import { newId } from "../platform/ids.ts";

/** An in-app message to everyone holding `role` in a department (they see it in their inbox). */
export async function notifyDepartment(ctx: Ctx, departmentId: string, role: string | null, msg: { title: string; text: string; caseId?: string }) {
  await ctx.trx
    .insertInto("inbox")
    .values({ id: newId(), user_id: null, department_id: departmentId, role, title: msg.title, text: msg.text, case_id: msg.caseId ?? null, created_at: ctx.now })
    .execute();
}

/** An in-app message to one user (an applicant, a staff member). */
export async function notifyUser(ctx: Ctx, userId: string, msg: { title: string; text: string; caseId?: string }) {
  await ctx.trx
    .insertInto("inbox")
    .values({ id: newId(), user_id: userId, department_id: null, role: null, title: msg.title, text: msg.text, case_id: msg.caseId ?? null, created_at: ctx.now })
    .execute();
}
