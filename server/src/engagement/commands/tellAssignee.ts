import type { ConsultationKind } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { notifyUser } from "../../platform/notify.ts";

const KIND = { question: "咨询", suggestion: "建议" } as const satisfies Record<ConsultationKind, string>;

/** The staff member a question is assigned to finds it in their inbox, with its reply date. */
export async function tellAssignee(ctx: Ctx, assigneeId: string, c: { kind: ConsultationKind; subject: string; dueDate: string; caseId: string | null }): Promise<void> {
  await notifyUser(ctx, assigneeId, {
    title: `${KIND[c.kind]}待答复：${c.subject}`,
    text: `请于${c.dueDate}前在“咨询建议”中答复。`,
    ...(c.caseId ? { caseId: c.caseId } : {}),
  });
}
