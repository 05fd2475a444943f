import { shanghaiDay, shanghaiYear } from "../platform/clock.ts";
import type { Ctx } from "../audit/command.ts";
import { issueDocument } from "../documents/issueDocument.ts";
import { type PlaceholderValues, printedDay } from "../documents/templates/render.ts";
import { signingKey, signPayload } from "./keys.ts";
import { signedFileOf } from "./signedFile.ts";
import { insertCertificate, setCertificateDocument } from "./repository.ts";
import { generateCertificateNo, withFreshCertificateNo } from "./certificateNumber.ts";
import { findDepartment } from "../catalog/repository.ts";
import { maskHolderCode } from "../identity/checkCharacters.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { certificateValidUntil, maskedParticulars, type StoredParticular } from "./particulars.ts";

export interface CertificateInput {
  caseId: string;
  type: string;
  name: string;
  holder: { id: string; name: string; code: string };
  department: { id: string; name: string; shortName: string; regionCode: string };
  supervisionCode: string;
  /** Validity in years, when the licence has one. */
  validYears: number | null;
  itemName: string;
  /**
   * The licence's particulars in its order (`particulars.ts`) under its heading; a certificate
   * without them is printed with the holder, item, issuer and dates only.
   */
  licence?: { heading: string; particulars: StoredParticular[] };
  /** Placeholder values of the case (dates, limits, phones) for the certificate template's words. */
  values?: PlaceholderValues;
}

/** The validity the item's result text states, e.g. 《食品经营许可证》（有效期5年）. */
export function validityYears(resultText: string): number | null {
  const m = /有效期(?:最长)?(\d+)年/.exec(resultText);
  return m ? Number(m[1]) : null;
}

/**
 * Issues a certificate into the library (证照库): numbered with a random serial and a check symbol
 * (`certificateNumber.ts`), signed with the platform's Ed25519 key over its canonical JSON, printed
 * with the supervision code and a QR code to verify it (R31).
 */
export async function issueCertificate(ctx: Ctx, input: CertificateInput): Promise<{ certificateNo: string; documentId: string }> {
  const year = shanghaiYear(ctx.now);
  const dept = await findDepartment(ctx.trx, input.department.id);
  if (!dept) throw new Error(`department ${input.department.id} not found`);
  const issuedDay = shanghaiDay(ctx.now);
  const particulars = input.licence?.particulars ?? [];
  const validUntil = certificateValidUntil(issuedDay, input.validYears, particulars) || null;
  const key = await signingKey(ctx.trx, ctx.now);
  // The number is random (not a counter): stored first, retried on the unlikely collision, then printed.
  const { certificateNo, payload, signature } = await withFreshCertificateNo(
    () => generateCertificateNo({ type: input.type, department: { code: dept.code, regionCode: dept.region_code }, year }),
    async (certificateNo) => {
      const payload = {
        certificateNo,
        type: input.type,
        name: input.name,
        holderName: input.holder.name,
        holderCode: input.holder.code,
        issuer: input.department.name,
        issuedAt: issuedDay,
        validUntil,
        supervisionCode: input.supervisionCode,
        ...(particulars.length ? { particulars: Object.fromEntries(particulars.map((p) => [p.key, p.value])) } : {}),
      };
      const signature = signPayload(payload, key.privateKey);
      const stored = await insertCertificate(ctx.trx, personalDataOf(ctx.deps.config), {
        certificate_no: certificateNo,
        case_id: input.caseId,
        type: input.type,
        name: input.name,
        holder_id: input.holder.id,
        holder_name: input.holder.name,
        holder_code: input.holder.code,
        issuer_department_id: input.department.id,
        issued_at: ctx.now,
        valid_until: validUntil,
        status: "valid",
        supervision_code: input.supervisionCode,
        payload: JSON.stringify(payload),
        signature,
        key_id: key.keyId,
        document_id: null,
        revoked_at: null,
        revoke_reason: null,
        particulars: JSON.stringify(particulars),
      });
      return stored ? { certificateNo, payload, signature } : undefined;
    },
  );
  // The words (title, notes, footnote) come from the certificate template; the particulars are laid out here.
  const documentId = await issueDocument(ctx, {
    caseId: input.caseId,
    kind: "certificate",
    department: { id: input.department.id, name: input.department.name, shortName: input.department.shortName },
    recipient: input.holder.name,
    itemName: input.itemName,
    supervisionCode: input.supervisionCode,
    qrUrl: `${ctx.deps.config.publicBaseUrl}/verify/${certificateNo}`,
    values: {
      ...input.values,
      证照名称: input.licence?.heading ?? input.name,
      证照编号: certificateNo,
      有效期至: validUntil ? printedDay(validUntil) : "长期",
    },
    ...(input.licence
      ? {
          licence: {
            certificateNo,
            rows: particulars.filter((p) => !p.signature).map((p) => ({ label: p.label.zh, value: p.value })),
            signature: particulars.filter((p) => p.signature).map((p) => ({ label: p.label.zh, value: p.value })),
            keyId: key.keyId,
            // The signed file rides inside the licence, so the PDF alone verifies offline.
            attachment: {
              name: `${certificateNo}.signed.json`,
              description: "证照签名文件（离线核验） Signed certificate file for offline verification",
              json: JSON.stringify(signedFileOf({ payload, signature, key_id: key.keyId })),
            },
          },
        }
      : {
          table: {
            header: [],
            rows: [
              ["证照编号", certificateNo],
              ["持证主体", `${input.holder.name}（${input.holder.code}）`],
              ["许可事项", input.itemName],
              ["发证机关", input.department.name],
              ["发证日期", issuedDay],
              ["有效期至", validUntil ?? "长期"],
              ["电子签名", `密钥 ${key.keyId}`],
            ],
          },
        }),
  });
  await setCertificateDocument(ctx.trx, certificateNo, documentId);
  ctx.event({ type: "certificate.issued", caseId: input.caseId, certificateNo });
  await ctx.audit({
    action: "certificate.issued",
    objectType: "certificate",
    objectId: certificateNo,
    caseId: input.caseId,
    newValues: { ...payload, holderCode: maskHolderCode(payload.holderCode), ...(particulars.length ? { particulars: maskedParticulars(particulars) } : {}) },
  });
  return { certificateNo, documentId };
}
