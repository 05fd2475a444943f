import { runPlatformCommand } from "../audit/command.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { tellApplicant } from "../platform/applicantNotices.ts";
import { certificatesToRemind, markExpiryReminded } from "./repository.ts";

export const EXPIRY_REMINDERS_JOB = "certificates.expiry-reminders";

/** How many days before a certificate's last valid day its holder is reminded. */
export const EXPIRY_REMINDER_DAYS = 30;

/** The calendar day `days` after an ISO day (YYYY-MM-DD). */
export function dayAfter(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Reminds each holder, once, of a certificate in force that expires within the next 30 days: in the
 * inbox and by SMS, in their language. Revoked certificates are not reminded. One command: the
 * reminders, their marks and the audit record commit together; rows another process holds are skipped.
 */
export async function sendExpiryReminders(deps: Deps, now: Date): Promise<number> {
  const today = shanghaiDay(now);
  return runPlatformCommand(deps, now, async (ctx) => {
    const due = await certificatesToRemind(ctx.trx, today, dayAfter(today, EXPIRY_REMINDER_DAYS));
    const reminded: string[] = [];
    for (const c of due) {
      if (!c.holder_id || !c.valid_until || !(await markExpiryReminded(ctx.trx, c.certificate_no, now))) continue;
      const holder = { id: c.holder_id, phone: c.phone, email: c.email, lang: c.lang };
      await tellApplicant(ctx, holder, "certificate.expiring", { name: c.name, no: c.certificate_no, validUntil: c.valid_until }, c.case_id ?? undefined);
      reminded.push(c.certificate_no);
    }
    if (reminded.length) {
      await ctx.audit({ action: "certificate.expiry-reminders", objectType: "certificate", objectId: today, oldValues: null, newValues: { reminded } });
    }
    return reminded.length;
  });
}
