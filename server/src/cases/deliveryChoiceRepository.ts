import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { DeliveryChoicesTable } from "../platform/schema.ts";

/** The applicant's choice of how to receive the result, as stored (phone and address sealed). */
export function deliveryChoiceOfCase(db: Executor, caseId: string) {
  return db.selectFrom("delivery_choices").selectAll().where("case_id", "=", caseId).executeTakeFirst();
}

/** Writes the choice; a later choice replaces the earlier one (and a new ready notice may be due). */
export async function saveDeliveryChoice(db: Executor, row: Insertable<DeliveryChoicesTable>) {
  const { case_id: _caseId, ...rest } = row;
  await db.insertInto("delivery_choices").values(row).onConflict((oc) => oc.column("case_id").doUpdateSet(rest)).execute();
}

export async function markReadyNoticeSent(db: Executor, caseId: string, at: Date) {
  await db.updateTable("delivery_choices").set({ ready_notice_at: at }).where("case_id", "=", caseId).execute();
}
