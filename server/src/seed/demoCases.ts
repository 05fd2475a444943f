/**
 * Demo cases: after the demo catalog, staff and applicants are loaded, this plays about four months
 * of the platform's life through its real commands (the ones the HTTP routes call), so that
 * worklists, lights, the supervision dashboard, evaluations and the public department pages show
 * something on first look. Every case, task, deadline, document, certificate, audit record and
 * message is written by the command that writes it in production; nothing here inserts into a case
 * table.
 *
 * Time: the commands run on a private clock set to the past and moved forward act by act, with the
 * sweep (deemed acceptance, lights, automatic escalation) run at the end of every working day as
 * the scheduler would. Each act is placed a number of working days before today, so the lights
 * come out the same on any day: red, yellow and green are chosen by how many working days are left.
 * The acts of all cases run in the order of their instants, so document and certificate numbers
 * follow the calendar. Deterministic: no randomness beyond the platform's own ids and codes.
 */
import type { CaseResult, DeliveryMethod, Role, SuspensionKind } from "@cq/contracts";
import { type Ctx, runCommand, runPlatformCommand } from "../audit/command.ts";
import { findItemWithVersion, materialsOfVersion } from "../catalog/repository.ts";
import { currentCalendar } from "../clock/calendarCache.ts";
import { ensureCalendar } from "../clock/ensureCalendar.ts";
import { refreshOpenClocks } from "../clock/refreshOpenClocks.ts";
import { acceptCase } from "../cases/commands/acceptCase.ts";
import { addMaterial } from "../cases/commands/addMaterial.ts";
import { claimTask } from "../cases/commands/claimTask.ts";
import { completeTask, type CompleteTaskInput } from "../cases/commands/completeTask.ts";
import { createCase } from "../cases/commands/createCase.ts";
import { decideCase } from "../cases/commands/decideCase.ts";
import { chooseDelivery } from "../cases/commands/chooseDelivery.ts";
import { certificateDraft, editableParticulars } from "../cases/certificateDraft.ts";
import { deliverCase, type DeliverInput } from "../cases/commands/deliverCase.ts";
import { explainCase } from "../cases/commands/explainCase.ts";
import { extendCase } from "../cases/commands/extendCase.ts";
import { issueSupplementNotice } from "../cases/commands/issueSupplementNotice.ts";
import { notAcceptCase } from "../cases/commands/notAcceptCase.ts";
import { recordResult } from "../cases/commands/recordResult.ts";
import { recordThirdPartyResult } from "../cases/commands/recordThirdPartyResult.ts";
import { submitCase } from "../cases/commands/submitCase.ts";
import { submitSupplement } from "../cases/commands/submitSupplement.ts";
import { suspendCase } from "../cases/commands/suspendCase.ts";
import { withdrawCase } from "../cases/commands/withdrawCase.ts";
import { runSweep } from "../cases/sweep.ts";
import { completedByOwnCommand } from "../cases/routing.ts";
import { tasksOfCase } from "../cases/taskRepository.ts";
import { fileComplaint, replyComplaint } from "../engagement/commands/complaints.ts";
import { askConsultation } from "../engagement/commands/askConsultation.ts";
import { answerConsultation } from "../engagement/commands/answerConsultation.ts";
import { evaluateCase } from "../engagement/commands/evaluateCase.ts";
import { rolesOf } from "../identity/repository.ts";
import { type Actor, type ApplicantActor, requireStaff, type StaffActor } from "../platform/actor.ts";
import { AdjustableClock, shanghaiDay } from "../platform/clock.ts";
import type { Deps, RequestMeta } from "../platform/context.ts";
import type { FormField } from "../platform/schema.ts";
import { escalateCase, respondToEscalation } from "../supervision/commands/escalate.ts";
import { listEscalations } from "../supervision/repository.ts";
import { personalDataOf } from "../platform/personalData.ts";

export interface DemoCasesSummary {
  cases: number;
  byStatus: Record<string, number>;
  evaluations: number;
  complaints: number;
  escalations: number;
  flags: number;
  certificates: number;
  /** Wall-clock milliseconds the seeding took. */
  ms: number;
}

// ---------------------------------------------------------------------------------------------
// The people of the stories: demo applicants by their login (phone), staff by username or by the
// role they hold in a department.
// ---------------------------------------------------------------------------------------------

const APPLICANTS = {
  chen: "18930357537", // 陈晓燕, lives in 渝北
  liu: "13105417686", // 刘明德, lives in 渝中
  ouyang: "15102284650", // 欧阳婷婷
  yuwei: "15217902892", // 重庆渝味轩餐饮管理有限公司
  hengxin: "18510418886", // 重庆山城恒信建设工程有限公司
} as const;
type Who = keyof typeof APPLICANTS;

const SUPERVISOR = "supervisor";
const META: RequestMeta = { ip: null, requestId: null };

// ---------------------------------------------------------------------------------------------
// What the application forms say, by item; a story may change a field.
// ---------------------------------------------------------------------------------------------

type Form = Record<string, string | number>;

const FORMS: Record<string, Form> = {
  "YB-SCJG-001": {
    operatorName: "渝味轩火锅（新牌坊店）", businessAddress: "重庆市渝北区龙溪街道新牌坊三路18号1-2层", mainBusinessType: "餐饮服务经营者（中型餐馆）",
    businessItems: "热食类食品制售；冷食类食品制售（含烧卤熟肉）", foodSafetyManager: "何佳",
  },
  "YB-SCJG-002": {
    equipmentCategory: "承压类特种设备（燃气热水锅炉）", productNumber: "GL2026-0815", manufacturer: "重庆川锅锅炉制造有限公司",
    installationAddress: "重庆市渝北区龙溪街道新牌坊三路18号地下一层设备间", commissioningDate: "2026-08-20", safetyManager: "邹德兵",
  },
  "CQ-SCJG-001": {
    productName: "建筑防水卷材", productUnit: "弹性体改性沥青防水卷材（SBS），聚酯胎，3mm、4mm", productionAddress: "重庆市江津区德感工业园兴园路9号",
    productStandard: "GB 18242-2008", contactName: "罗建",
  },
  "CQ-GHZY-001": {
    projectName: "两江新区悦来恒信·云麓府住宅项目", constructionUnit: "重庆山城恒信建设工程有限公司", landLocation: "两江新区悦来组团C分区C12-3/03地块",
    landArea: 38650, landSupplyMode: "出让",
  },
  "CQ-GHZY-002": {
    projectName: "两江新区悦来恒信·云麓府住宅项目（一期）", constructionUnit: "重庆山城恒信建设工程有限公司",
    constructionAddress: "两江新区悦来组团C分区C12-3/03地块", totalFloorArea: 86420, contactName: "罗建",
  },
  "CQ-STHJ-001": {
    unitName: "重庆山城恒信建设工程有限公司江津建材厂", productionAddress: "重庆市江津区德感工业园兴园路9号", industryCategory: "防水建筑材料制造（C3034）",
    mainPollutants: "颗粒物、沥青烟、苯并[a]芘、非甲烷总烃", outletCount: 3,
  },
  "CQ-STHJ-002": {
    projectName: "江津建材厂改性沥青防水卷材生产线技术改造项目", constructionUnit: "重庆山城恒信建设工程有限公司", constructionAddress: "重庆市江津区德感工业园兴园路9号",
    industryCategory: "防水建筑材料制造（C3034）", totalInvestment: 2860, eiaAgency: "重庆环科源博达环保科技有限公司",
  },
  "YZ-WSJK-001": {
    unitName: "婷美美容工作室", businessAddress: "重庆市渝中区解放碑街道八一路177号4楼", placeCategory: "美容店", businessArea: 126, employeeCount: 6,
  },
  "CQ-WSJK-001": {
    institutionName: "重庆恒信职工医院", institutionType: "综合医院（一级）", practiceAddress: "重庆市渝北区龙山街道龙山大道333号",
    bedCount: 60, clinicalDepartments: "内科；外科；妇科；医学影像科（X线诊断专业）；医学检验科",
  },
  "CQ-JTYS-001": {
    companyName: "重庆山城恒信建设工程有限公司", businessScope: "省内包车客运（职工通勤）", vehicleCount: 12, routePlan: "", contactName: "罗建",
  },
  "YB-JTYS-001": { operatorName: "陈晓燕", businessAddress: "重庆市渝北区双凤桥街道空港大道569号", vehicleCount: 2, maxGrossMass: 18000 },
  "CQ-ZJW-001": {
    projectName: "两江新区悦来恒信·云麓府住宅项目（一期）", constructionUnit: "重庆山城恒信建设工程有限公司", constructionAddress: "两江新区悦来组团C分区C12-3/03地块",
    contractor: "重庆山城恒信建设工程有限公司", contractPrice: 31800, totalFloorArea: 86420,
  },
  "YZ-CGJ-001": {
    dischargerName: "渝味轩火锅（解放碑店）", dischargeAddress: "重庆市渝中区解放碑街道民族路166号2楼", drainageCategory: "餐饮", dailyDischarge: 18, contactName: "何佳",
  },
};

/** A value for a field no form above names: the applicant's name, phone, or a plain placeholder. */
function fallbackValue(f: FormField, applicant: { name: string; phone: string }, day: string): string | number {
  if (f.key === "contactPhone") return applicant.phone;
  if (f.key === "contactName" || /Name$/.test(f.key)) return applicant.name;
  if (f.type === "number") return 1;
  if (f.type === "date") return day;
  return "详见申请材料";
}

// ---------------------------------------------------------------------------------------------
// Opinions and records as a department writes them.
// ---------------------------------------------------------------------------------------------

const OPINIONS = {
  handler: "经审查，申请材料齐全、符合法定形式，申请人符合法定条件和标准，拟同意，报审核。",
  reviewer: "同意承办意见，报请审批。",
  coHandle: "经本部门会审，涉及本部门职责的内容符合相关规定，同意。",
  push: "已完成统一赋码，登记证编号已回传。",
  offline: "现场核查情况与申请材料一致，符合要求。",
  thirdParty: "已收到技术机构出具的报告，结论为符合要求。",
};

function offlineRecord(step: string, day: string) {
  return {
    procedure: step,
    course: `${day}，两名工作人员到申请人场所现场核查，核对场所布局、设施设备和管理制度落实情况，申请人负责人在场并签字确认。`,
    result: "符合要求",
    date: day,
    participants: "承办人及同事一名；申请人负责人",
  };
}

// ---------------------------------------------------------------------------------------------
// Stories: a case each, its acts placed a number of working days before today (09:00 onwards).
// ---------------------------------------------------------------------------------------------

interface ItemInfo {
  id: string;
  code: string;
  departmentId: string;
  formFields: FormField[];
  materials: { id: string; key: string; name: string; required: boolean }[];
  resultDepartmentIds: string[];
}

type ActFn = (r: CaseRun) => Promise<void>;
interface Act {
  name: string;
  run: ActFn;
}
interface Story {
  key: string;
  item: string;
  who: Who;
  form?: Form;
  /** Registered at the service hall by the lead department's clerk. */
  hall?: boolean;
  acts: [workingDaysAgo: number, act: Act][];
}

const act = (name: string, run: ActFn): Act => ({ name, run });

/** Opens the application; uploads every required material and submits unless told otherwise. */
const apply = (opts: { submit?: boolean; materials?: "all" | "some" | "none" } = {}) =>
  act("apply", async (r) => {
    const submit = opts.submit ?? true;
    const uploader: Actor = r.story.hall ? await r.s.staff(r.item.departmentId, "clerk") : r.applicant;
    const created = await r.s.as(uploader, (ctx) =>
      createCase(ctx, { itemId: r.item.id, formData: r.formData(), ...(r.story.hall ? { applicantId: r.applicant.id } : {}) }),
    );
    r.id = created.id;
    const required = r.item.materials.filter((m) => m.required);
    const chosen = opts.materials === "none" ? [] : opts.materials === "some" ? required.slice(0, Math.ceil(required.length / 2)) : required;
    for (const [i, m] of chosen.entries()) {
      r.s.later(2);
      if (r.story.hall && i === 0) {
        await r.s.as(uploader, (ctx) => addMaterial(ctx, r.caseId, { kind: "offline", materialId: m.id, note: "申请人现场签字的纸质原件，窗口已核验并留存" }));
      } else {
        await r.s.as(uploader, (ctx) => addMaterial(ctx, r.caseId, { kind: "file", materialId: m.id, fileName: `${m.name.slice(0, 60)}.pdf`, bytes: samplePdf(r.item.code, m.key) }));
      }
    }
    if (submit) {
      r.s.later(3);
      await r.s.as(uploader, (ctx) => submitCase(ctx, r.caseId));
    }
  });

const accept = () => act("accept", async (r) => void (await r.asLead("clerk", (ctx) => acceptCase(ctx, r.caseId))));

const notAccept = (reasons: string[]) => act("not-accept", async (r) => void (await r.asLead("clerk", (ctx) => notAcceptCase(ctx, r.caseId, reasons))));

/** The one-time notice, by the window before acceptance or by the handler during review. */
const requestSupplement = (by: "clerk" | "handler", items: { material: string; reason: string }[]) =>
  act("request-supplement", async (r) => {
    const asked = items.map((i) => ({ materialId: r.material(i.material).id, reason: i.reason }));
    r.requested = asked.map((a) => a.materialId);
    await r.asLead(by, (ctx) => issueSupplementNotice(ctx, r.caseId, asked));
  });

/** The applicant uploads what the notice asked for and hands the supplement in. */
const supplement = () =>
  act("supplement", async (r) => {
    for (const id of r.requested) {
      const m = r.item.materials.find((x) => x.id === id)!;
      r.s.later(2);
      await r.s.as(r.applicant, (ctx) => addMaterial(ctx, r.caseId, { kind: "file", materialId: id, fileName: `${m.name.slice(0, 50)}（补正）.pdf`, bytes: samplePdf(r.item.code, `${m.key}-corrected`) }));
    }
    r.s.later(3);
    await r.s.as(r.applicant, (ctx) => submitSupplement(ctx, r.caseId));
  });

/** Completes the open task(s) of the current step (optionally only one department's), by the staff the step names. */
const work = (opts: { department?: string; outcome?: "return"; opinion?: string } = {}) =>
  act("work", async (r) => {
    const open = await r.openTasks(opts.department);
    if (!open.length) throw new Error("no open task");
    for (const t of open) await r.complete(t, opts);
  });

/** Several steps completed one right after the other: the pattern the off-platform detection looks for. */
const workInOneSitting = (steps: number) =>
  act("work-in-one-sitting", async (r) => {
    for (let i = 0; i < steps; i++) {
      const open = await r.openTasks();
      if (!open.length) throw new Error("no open task");
      for (const t of open) await r.complete(t, {});
      r.s.later(6);
    }
  });

/** Signs for the open task(s) without finishing them. */
const claim = () =>
  act("claim", async (r) => {
    for (const t of await r.openTasks()) {
      const staff = await r.s.staff(t.department_id, t.role as Role);
      await r.s.as(staff, (ctx) => claimTask(ctx, t.id));
    }
  });

/** The decision; an approval states the certificate's particulars as the decider's dialog pre-fills them. */
const decide = (result: CaseResult, reasons?: string) =>
  act("decide", async (r) =>
    void (await r.asLead("decider", async (ctx) => {
      const c = await ctx.trx.selectFrom("cases").selectAll().where("id", "=", r.caseId).executeTakeFirstOrThrow();
      const draft = result === "approved" ? await certificateDraft(ctx.trx, personalDataOf(ctx.deps.config), c, requireStaff(ctx.actor).name, ctx.now) : null;
      return decideCase(ctx, r.caseId, { result, ...(reasons ? { reasons } : {}), ...(draft ? { particulars: editableParticulars(draft) } : {}) });
    })),
  );

/** The assisting departments that issue a licence of their own record it (joint items). */
const assistingResults = (certificate: { type: string; name: string; validYears: number }) =>
  act("assisting-results", async (r) => {
    for (const departmentId of r.item.resultDepartmentIds) {
      const decider = await r.s.staff(departmentId, "decider");
      await r.s.as(decider, (ctx) =>
        recordResult(ctx, r.caseId, { departmentId, result: "approved", certificateType: certificate.type, certificateName: certificate.name, validYears: certificate.validYears }),
      );
    }
  });

/** Where a story's result is mailed: the address its form gives. */
const mailAddress = (r: CaseRun) => String(r.formData().businessAddress ?? r.formData().constructionAddress ?? "重庆市渝中区人民路232号");

/** The applicant chooses how to receive the result (送达方式); mail goes to the form's address, to their own phone. */
const choose = (method: DeliveryMethod) =>
  act("choose-delivery", async (r) => {
    const input = method === "mail" ? { method, recipientName: r.applicant.name, phone: r.applicant.phone, address: mailAddress(r) } : { method };
    await r.s.as(r.applicant, (ctx) => chooseDelivery(ctx, r.caseId, input));
  });

const deliver = (method: DeliveryMethod) =>
  act("deliver", async (r) => {
    const input: DeliverInput =
      method === "pickup"
        ? { method, idChecked: true, recipientName: r.applicant.name }
        : method === "mail"
          ? { method, address: mailAddress(r), trackingNo: `1186${String(20_260_000 + r.index * 7919).slice(-8)}`, recipientName: r.applicant.name }
          : { method };
    await r.asLead("clerk", (ctx) => deliverCase(ctx, r.caseId, input));
  });

const evaluate = (level: number, comment?: string) =>
  act("evaluate", async (r) => {
    const dims = { efficiency: level, attitude: Math.min(5, level + 1), quality: level };
    await r.s.as(r.applicant, (ctx) => evaluateCase(ctx, r.caseId, { level, dimensions: dims, ...(comment ? { comment } : {}) }));
  });

const suspend = (kind: SuspensionKind, reason: string, expectedWorkingDays: number) =>
  act("suspend", async (r) => void (await r.asLead("handler", (ctx) => suspendCase(ctx, r.caseId, { kind, reason, expectedWorkingDays }))));

const extend = (workingDays: number, reason: string) =>
  act("extend", async (r) => void (await r.asLead("department-head", (ctx) => extendCase(ctx, r.caseId, { workingDays, reason }))));

const explain = (text: string) => act("explain", async (r) => void (await r.asLead("department-head", (ctx) => explainCase(ctx, r.caseId, text))));

const escalate = (note: string) =>
  act("escalate", async (r) => {
    const supervisor = await r.s.staffByUsername(SUPERVISOR);
    await r.s.as(supervisor, (ctx) => escalateCase(ctx, r.caseId, { note, automatic: false }));
  });

/** The department head answers every open escalation of the case (there must be one). */
const answerEscalations = (text: string) =>
  act("answer-escalations", async (r) => {
    const open = await listEscalations(r.s.deps.db, { caseId: r.caseId, status: "open" });
    if (!open.length) throw new Error("no open escalation");
    for (const e of open) await r.asLead("department-head", (ctx) => respondToEscalation(ctx, e.id, text));
  });

const complain = (subject: string, text: string, about: "case" | "department" = "case") =>
  act("complain", async (r) => {
    await r.s.as(r.applicant, (ctx) => fileComplaint(ctx, { subject, text, ...(about === "case" ? { caseId: r.caseId } : { departmentId: r.item.departmentId }) }));
  });

/** The department head answers the applicant's open complaints and work orders about this department. */
const replyComplaints = (text: string) =>
  act("reply-complaints", async (r) => {
    const open = await r.s.deps.db
      .selectFrom("complaints")
      .select("id")
      .where("applicant_id", "=", r.applicant.id)
      .where("department_id", "=", r.item.departmentId)
      .where("status", "=", "open")
      .execute();
    if (!open.length) throw new Error("no open complaint");
    for (const c of open) await r.asLead("department-head", (ctx) => replyComplaint(ctx, c.id, text));
  });

/** The applicant asks a question (咨询) or makes a suggestion (建议) about the story's item, case or department (R33). */
const ask = (kind: "question" | "suggestion", subject: string, text: string, about: "item" | "case" | "department") =>
  act("ask", async (r) => {
    const target = about === "item" ? { itemId: r.item.id } : about === "case" ? { caseId: r.caseId } : { departmentId: r.item.departmentId };
    await r.s.as(r.applicant, (ctx) => askConsultation(ctx, { kind, subject, text, ...target }));
  });

/** Each staff member assigned to one of the applicant's open questions to this department answers it. */
const answerConsultations = (text: string) =>
  act("answer-consultations", async (r) => {
    const open = await r.s.deps.db
      .selectFrom("consultations")
      .select(["id", "assignee_id"])
      .where("applicant_id", "=", r.applicant.id)
      .where("department_id", "=", r.item.departmentId)
      .where("status", "=", "open")
      .execute();
    if (!open.length) throw new Error("no open consultation");
    for (const c of open) await r.s.as(await r.s.staffById(c.assignee_id), (ctx) => answerConsultation(ctx, c.id, text));
  });

const withdraw = () => act("withdraw", async (r) => void (await r.s.as(r.applicant, (ctx) => withdrawCase(ctx, r.caseId))));

/** The stories. Working days before today; with limits of L working days, accepted a days ago: red when a - L ≥ 1, yellow when L - a is 0 or 1, green from 3. */
const STORIES: Story[] = [
  // ---- closed, spread over four months, most of them evaluated -------------------------------
  { key: "freight-chen", item: "YB-JTYS-001", who: "chen", acts: [[80, apply()], [79, accept()], [79, work()], [78, work()], [78, decide("approved")], [77, deliver("electronic")], [76, evaluate(5)]] },
  {
    key: "food-yuwei", item: "YB-SCJG-001", who: "yuwei",
    acts: [[76, apply()], [75, accept()], [74, work()], [72, work()], [71, work()], [70, decide("approved")], [69, deliver("pickup")], [68, evaluate(5, "窗口人员指导细致，现场核查当天就出了结论。")]],
  },
  {
    key: "beauty-ouyang", item: "YZ-WSJK-001", who: "ouyang",
    acts: [[72, apply()], [72, choose("mail")], [71, accept()], [70, work()], [68, work()], [67, work()], [66, decide("approved")], [65, deliver("mail")], [64, evaluate(4)]],
  },
  {
    key: "land-hengxin", item: "CQ-GHZY-001", who: "hengxin",
    acts: [[70, apply()], [69, accept()], [67, work()], [65, work()], [64, decide("approved")], [63, deliver("pickup")], [60, evaluate(4)]],
  },
  {
    key: "drainage-yuwei", item: "YZ-CGJ-001", who: "yuwei",
    acts: [
      [66, apply()],
      [65, requestSupplement("clerk", [
        { material: "drainage-drawings", reason: "图纸未标注隔油池及专用检测井位置，请补充标注后重新提交" },
        { material: "water-quality", reason: "水质检测报告缺少动植物油指标" },
      ])],
      [63, supplement()], [62, accept()], [61, work()], [60, work()], [59, work()], [58, decide("approved")], [57, deliver("electronic")],
      [55, evaluate(3, "补正要求讲得清楚，但补正后等了几天才受理。")],
    ],
  },
  {
    key: "discharge-hengxin", item: "CQ-STHJ-001", who: "hengxin",
    acts: [[61, apply()], [60, accept()], [58, work()], [52, work()], [49, work()], [46, decide("approved")], [45, deliver("electronic")], [44, evaluate(5)]],
  },
  {
    key: "hospital-hengxin", item: "CQ-WSJK-001", who: "hengxin",
    acts: [
      [58, apply()], [57, accept()], [54, work()], [50, work({ department: "cq-sthjj" })], [45, work()],
      [40, extend(10, "现场审核发现放射科防护门需整改，整改后须复核")],
      [36, work()], [34, decide("approved")],
      [33, assistingResults({ type: "radiation-safety-license", name: "辐射安全许可证", validYears: 5 })],
      [32, deliver("pickup")], [30, evaluate(4)],
    ],
  },
  {
    // Overdue while the city bureau held the registration number: escalated, answered, and a 差评 with a work order.
    key: "boiler-yuwei-late", item: "YB-SCJG-002", who: "yuwei",
    acts: [
      [56, apply()], [55, accept()], [53, work()], [50, work()], [42, work()],
      [42, answerEscalations("超期系市级赋码环节等待所致，现已完成赋码，当日作出决定。今后对推送环节每日跟踪。")],
      [41, decide("approved")], [40, deliver("electronic")],
      [38, evaluate(2, "承诺10个工作日，实际拖了半个多月，中间也没有人主动告知进度。")],
      [36, replyComplaints("经核查，延误发生在市级统一赋码环节，我局未及时告知进度，已向您致歉，并已建立推送环节每日跟踪和主动告知制度。")],
    ],
  },
  {
    key: "bus-hengxin-denied", item: "CQ-JTYS-001", who: "hengxin",
    acts: [
      [52, apply()], [51, accept()], [49, work()], [47, work()], [46, work()],
      [45, decide("denied", "拟投入的12辆客车中有5辆未提供有效的综合性能检测合格证明，不符合《中华人民共和国道路运输条例》第八条第一款第（一）项规定的条件。")],
      [44, deliver("electronic")], [43, evaluate(3, "不予许可的理由写得清楚，补齐检测后再申请。")],
    ],
  },
  { key: "freight-liu", item: "YB-JTYS-001", who: "liu", form: { operatorName: "刘明德", businessAddress: "重庆市渝北区回兴街道宝环路99号" }, acts: [[40, apply()], [39, accept()], [39, work()], [38, work()], [38, decide("approved")], [37, deliver("pickup")], [37, evaluate(5)]] },
  {
    // The reviewer sends the site review back once.
    key: "barber-liu", item: "YZ-WSJK-001", who: "liu", form: { unitName: "明德理发店", businessAddress: "重庆市渝中区大坪街道大黄路96号", placeCategory: "理发店", businessArea: 45, employeeCount: 3 },
    acts: [
      [36, apply()], [35, accept()], [34, work()], [33, work()],
      [32, work({ outcome: "return", opinion: "现场审核记录未写明消毒间设置情况，请补充核查后重新提交。" })],
      [31, work()], [30, work()], [29, decide("approved")], [28, deliver("pickup")], [26, evaluate(4)],
    ],
  },
  {
    // Expert review stops the clock (Art. 45) while it runs.
    key: "eia-hengxin", item: "CQ-STHJ-002", who: "hengxin",
    acts: [[34, apply()], [33, accept()], [31, work()], [25, work()], [23, work()], [21, decide("approved")], [20, deliver("electronic")], [18, evaluate(5)]],
  },
  {
    key: "snack-ouyang-denied", item: "YB-SCJG-001", who: "ouyang",
    form: { operatorName: "婷婷小吃店", businessAddress: "重庆市渝北区宝圣湖街道食品城大道18号", mainBusinessType: "餐饮服务经营者（小餐馆）", businessItems: "热食类食品制售", foodSafetyManager: "欧阳婷婷" },
    acts: [
      [30, apply()], [29, accept()], [28, work()], [26, work()], [25, work()],
      [24, decide("denied", "现场核查发现经营场所与公共厕所直线距离不足25米，且无法采取有效措施消除污染，不符合《中华人民共和国食品安全法》第三十三条第一款第（一）项的规定。")],
      [23, deliver("electronic")],
      [21, evaluate(1, "前期咨询时没人提醒选址距离的要求，白白投入了装修。")],
    ],
  },
  {
    key: "permit-hengxin", item: "CQ-ZJW-001", who: "hengxin",
    acts: [[26, apply()], [25, accept()], [25, work()], [24, work({ department: "cq-ghzrzyj" })], [24, work({ department: "cq-sthjj" })], [23, decide("approved")], [22, deliver("pickup")], [21, evaluate(5, "并联审查很快，一周内拿到施工许可证。")]],
  },
  {
    // Every review step recorded in one burst long after acceptance: flagged at the decision (R38).
    key: "deli-chen-burst", item: "YB-SCJG-001", who: "chen",
    form: { operatorName: "晓燕熟食店", businessAddress: "重庆市渝北区双龙湖街道双湖路16号", mainBusinessType: "食品销售经营者（含熟食）", businessItems: "散装食品销售（含冷藏冷冻食品、熟食）", foodSafetyManager: "陈晓燕" },
    acts: [[23, apply()], [22, accept()], [14, workInOneSitting(3)], [14, decide("approved")], [13, deliver("pickup")]],
  },
  { key: "freight-yuwei", item: "YB-JTYS-001", who: "yuwei", form: { operatorName: "重庆渝味轩餐饮管理有限公司", businessAddress: "重庆市渝北区龙溪街道新牌坊三路18号", vehicleCount: 3, maxGrossMass: 12000 }, acts: [[16, apply()], [15, accept()], [15, work()], [14, work()], [13, decide("approved")], [12, deliver("electronic")], [10, evaluate(4)]] },
  {
    key: "drainage-liu", item: "YZ-CGJ-001", who: "liu", form: { dischargerName: "明德汽车美容店", dischargeAddress: "重庆市渝中区大坪街道长江二路175号", drainageCategory: "洗车", dailyDischarge: 6 },
    acts: [[14, apply()], [13, accept()], [12, work()], [10, work()], [9, work()], [8, decide("approved")], [6, deliver("electronic")]],
  },

  // ---- not accepted, withdrawn -----------------------------------------------------------------
  {
    key: "nail-chen-not-accepted", item: "YZ-WSJK-001", who: "chen", form: { unitName: "晓燕美甲", businessAddress: "重庆市渝北区龙溪街道金山路18号", placeCategory: "美容店", businessArea: 38, employeeCount: 2 },
    acts: [[18, apply()], [17, notAccept(["经营场所位于渝北区，不属于本机关管辖范围，请向重庆市渝北区卫生健康委员会提出申请。"])]],
  },
  { key: "carwash-ouyang-withdrawn", item: "YZ-CGJ-001", who: "ouyang", form: { dischargerName: "婷婷洗车行", dischargeAddress: "重庆市渝中区化龙桥街道虎头岩路9号", drainageCategory: "洗车", dailyDischarge: 8 }, acts: [[12, apply()], [11, withdraw()]] },

  // ---- decided, waiting for delivery -----------------------------------------------------------
  { key: "food-yuwei-2", item: "YB-SCJG-001", who: "yuwei", form: { operatorName: "渝味轩火锅（光电园店）", businessAddress: "重庆市渝北区大竹林街道光电园星光大道62号" }, acts: [[12, apply()], [11, accept()], [10, choose("pickup")], [9, work()], [6, work()], [3, work()], [1, decide("approved")]] },
  { key: "land-hengxin-2", item: "CQ-GHZY-001", who: "hengxin", form: { projectName: "礼嘉恒信·嘉园商业综合体", landLocation: "两江新区礼嘉组团L52-1/02地块", landArea: 21530 }, acts: [[10, apply()], [10, choose("mail")], [9, accept()], [7, work()], [4, work()], [2, decide("approved")]] },

  // ---- in progress: red, yellow, green ---------------------------------------------------------
  {
    // Red for days, never explained: escalated by the sweep; the applicant complains.
    key: "freight-ouyang-red", item: "YB-JTYS-001", who: "ouyang", form: { operatorName: "欧阳婷婷", businessAddress: "重庆市渝北区仙桃街道数据谷中路107号", vehicleCount: 1, maxGrossMass: 16000 },
    acts: [[13, apply()], [12, accept()], [11, work()], [3, complain("货运许可超期未办结", "承诺5个工作日办结，已过去两个多星期，审核一直没有结果，电话也无人说明原因。")]],
  },
  {
    // Red, explained in time (no automatic escalation), escalated by the supervisor and answered.
    key: "bus-hengxin-red", item: "CQ-JTYS-001", who: "hengxin", form: { businessScope: "省内包车客运（职工通勤）", vehicleCount: 7 },
    acts: [
      [22, apply()], [21, accept()], [18, work()],
      [10, explain("拟投入车辆中有3辆正在进行综合性能检测，现场核查需待检测完成后一并进行，预计延误3个工作日。")],
      [9, work()],
      [8, escalate("该件已超过承诺时限，请加快办理并于三个工作日内书面说明办理进度。")],
      [7, answerEscalations("现场核查已于前日完成，车辆检测报告齐全，审核环节正在办理，预计两个工作日内作出决定。")],
    ],
  },
  {
    // Red since today: not yet escalated.
    key: "spa-ouyang-red", item: "YZ-WSJK-001", who: "ouyang", form: { unitName: "婷美养生会所", businessAddress: "重庆市渝中区七星岗街道中山一路62号", placeCategory: "公共浴室（足浴）", businessArea: 210, employeeCount: 9 },
    acts: [[12, apply()], [11, accept()], [9, work()], [5, work()]],
  },
  {
    key: "food-liu-yellow", item: "YB-SCJG-001", who: "liu", form: { operatorName: "明德面馆", businessAddress: "重庆市渝北区两路街道双凤路77号", mainBusinessType: "餐饮服务经营者（小餐馆）", businessItems: "热食类食品制售", foodSafetyManager: "刘明德" },
    acts: [[10, apply()], [9, accept()], [3, work()], [2, claim()]],
  },
  { key: "drainage-liu-yellow", item: "YZ-CGJ-001", who: "liu", form: { dischargerName: "明德面馆（渝中店）", dischargeAddress: "重庆市渝中区石油路街道石油路12号", drainageCategory: "餐饮", dailyDischarge: 5 }, acts: [[11, apply()], [10, accept()], [2, work()]] },
  {
    key: "food-chen-task-red", item: "YB-SCJG-001", who: "chen",
    form: { operatorName: "晓燕甜品", businessAddress: "重庆市渝北区龙塔街道黄龙路12号", mainBusinessType: "餐饮服务经营者（饮品店）", businessItems: "自制饮品制售；糕点类食品制售", foodSafetyManager: "陈晓燕" },
    acts: [[5, apply()], [4, accept()]],
  },
  {
    // Green: the site inspection has days left.
    key: "food-yuwei-green", item: "YB-SCJG-001", who: "yuwei", form: { operatorName: "渝味轩串串（回兴店）", businessAddress: "重庆市渝北区回兴街道兴科大道45号" },
    acts: [[4, apply()], [3, accept()], [1, work()]],
  },
  { key: "freight-chen-2", item: "YB-JTYS-001", who: "chen", form: { vehicleCount: 4, maxGrossMass: 25000 }, acts: [[2, apply()], [1, accept()], [1, choose("electronic")]] },
  {
    // A joint case, green, waiting for the environment bureau's co-handling.
    key: "clinic-hengxin", item: "CQ-WSJK-001", who: "hengxin", form: { institutionName: "重庆恒信职工医院（悦来院区）", institutionType: "门诊部", practiceAddress: "两江新区悦来大道66号", bedCount: 0, clinicalDepartments: "内科；外科；医学影像科（X线诊断专业）" },
    acts: [[7, apply()], [6, accept()], [3, work()]],
  },
  { key: "boiler-yuwei-push", item: "YB-SCJG-002", who: "yuwei", form: { productNumber: "DT2026-3317", equipmentCategory: "机电类特种设备（乘客电梯）", manufacturer: "重庆迅达电梯有限公司" }, acts: [[6, apply()], [5, accept()], [4, work()], [2, work()]] },
  {
    // Suspended by the department for monitoring (Art. 45), with the technical assessment open.
    key: "discharge-hengxin-suspended", item: "CQ-STHJ-001", who: "hengxin", form: { unitName: "重庆山城恒信建设工程有限公司混凝土搅拌站", productionAddress: "重庆市北碚区蔡家岗街道同兴工业园8号", industryCategory: "水泥制品制造（C3021）", mainPollutants: "颗粒物", outletCount: 2 },
    acts: [[15, apply()], [14, accept()], [11, work()], [9, suspend("testing", "对搅拌站2个排放口开展监督性监测，检测时间不计入审批期限", 10)]],
  },
  {
    // Product testing by the testing institute: a step whose time does not count (the clock stops by itself).
    key: "factory-hengxin-testing", item: "CQ-SCJG-001", who: "hengxin",
    acts: [[24, apply()], [23, accept()], [20, work()], [12, work()]],
  },
  {
    // A joint case, extended by the head while one assisting department is late.
    key: "permit-hengxin-extended", item: "CQ-ZJW-001", who: "hengxin", form: { projectName: "礼嘉恒信·嘉园商业综合体", constructionAddress: "两江新区礼嘉组团L52-1/02地块", contractPrice: 45600, totalFloorArea: 128300 },
    acts: [[8, apply()], [7, accept()], [6, work()], [5, work({ department: "cq-ghzrzyj" })], [4, extend(5, "并联审查中生态环境部门意见尚未返回，需延长审查期限")]],
  },
  {
    key: "planning-hengxin-supplement", item: "CQ-GHZY-002", who: "hengxin",
    acts: [[9, apply()], [8, accept()], [6, requestSupplement("handler", [{ material: "design-scheme", reason: "总平面图未标注退让道路红线距离及日照分析结论，请补充" }])]],
  },

  // ---- before acceptance -------------------------------------------------------------------
  {
    key: "freight-chen-supplement", item: "YB-JTYS-001", who: "chen", form: { vehicleCount: 2, maxGrossMass: 18000 },
    acts: [[4, apply()], [3, requestSupplement("clerk", [{ material: "drivers", reason: "驾驶人员从业资格证已过有效期，请提供有效证件" }])]],
  },
  {
    // Nobody answered within five working days: the sweep accepts it (Art. 32) and flags it.
    key: "drainage-yuwei-deemed", item: "YZ-CGJ-001", who: "yuwei", form: { dischargerName: "渝味轩火锅（大坪店）", dischargeAddress: "重庆市渝中区大坪街道大坪正街118号" },
    acts: [[8, apply()]],
  },
  { key: "snack-ouyang-waiting", item: "YB-SCJG-001", who: "ouyang", form: { operatorName: "婷婷轻食", businessAddress: "重庆市渝北区仙桃街道星光五路3号", mainBusinessType: "餐饮服务经营者（小餐馆）", businessItems: "冷食类食品制售", foodSafetyManager: "欧阳婷婷" }, acts: [[1, apply()]] },
  { key: "boiler-yuwei-waiting", item: "YB-SCJG-002", who: "yuwei", form: { productNumber: "GL2026-1129", installationAddress: "重庆市渝北区大竹林街道光电园星光大道62号设备间" }, acts: [[2, apply()]] },
  {
    key: "barber-liu-hall", item: "YZ-WSJK-001", who: "liu", hall: true, form: { unitName: "明德理发店（大坪二店）", businessAddress: "重庆市渝中区大坪街道大坪正街88号", placeCategory: "理发店", businessArea: 60, employeeCount: 4 },
    acts: [
      [1, apply()],
    ],
  },
  {
    // A complaint about a department's window, answered by its head.
    key: "barber-liu-complaint", item: "YZ-WSJK-001", who: "liu", form: { unitName: "明德理发店（七星岗店）", businessAddress: "重庆市渝中区七星岗街道中山一路18号", placeCategory: "理发店" },
    acts: [
      [21, apply({ submit: false, materials: "some" })],
      [20, complain("窗口咨询未一次性告知", "到渝中区卫生健康委窗口咨询公共场所卫生许可，前后跑了两次才把需要的检测报告问清楚。", "department")],
      [18, replyComplaints("已对窗口人员进行批评教育，并在办事指南中补充了卫生检测报告的具体要求，感谢您的监督。")],
      // Questions to the department (R33): one answered by its clerk, one overdue, one near its date, a suggestion in time.
      [15, ask("question", "理发店卫生检测报告找哪家机构出具", "公共场所卫生许可要求的卫生检测报告，是否必须由指定机构出具？", "item")],
      [14, answerConsultations("具备资质（CMA）的检测机构出具的报告均可，不指定机构；报告须为近一年内出具。")],
      [7, ask("question", "从业人员健康证可以后补吗", "新招的两名理发师健康证还在办理中，能否先提交申请、健康证后补？", "case")],
      [4, ask("question", "许可证到期前多久申请延续", "公共场所卫生许可证有效期届满前多久需要申请延续？", "item")],
      [3, ask("suggestion", "建议窗口提供材料预审", "建议在网上提交前提供材料预审服务，避免来回补正。", "department")],
    ],
  },

  // ---- drafts ----------------------------------------------------------------------------------
  { key: "food-chen-draft", item: "YB-SCJG-001", who: "chen", form: { operatorName: "晓燕小吃（二店）", businessAddress: "重庆市渝北区龙溪街道红锦大道88号" }, acts: [[2, apply({ submit: false, materials: "some" })]] },
  { key: "hygiene-yuwei-draft", item: "YZ-WSJK-001", who: "yuwei", form: { unitName: "渝味轩火锅（解放碑店）", businessAddress: "重庆市渝中区解放碑街道民族路166号2楼", placeCategory: "商场（店）", businessArea: 420, employeeCount: 22 }, acts: [[6, apply({ submit: false, materials: "none" })]] },
  { key: "eia-hengxin-draft", item: "CQ-STHJ-002", who: "hengxin", form: { projectName: "混凝土搅拌站粉尘治理改造项目", constructionAddress: "重庆市北碚区蔡家岗街道同兴工业园8号", totalInvestment: 460 }, acts: [[3, apply({ submit: false, materials: "some" })]] },
];

// ---------------------------------------------------------------------------------------------
// The engine: looks the actors up, places the acts in time, runs them in order.
// ---------------------------------------------------------------------------------------------

class Seeder {
  readonly clock = new AdjustableClock();
  readonly deps: Deps;
  private readonly staffCache = new Map<string, StaffActor>();

  constructor(base: Deps) {
    this.deps = { ...base, clock: this.clock };
  }

  as<T>(actor: Actor, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
    return runCommand(this.deps, actor, META, fn);
  }

  /** Moves the private clock on by some minutes (the next command of the same sitting). */
  later(minutes: number): void {
    this.clock.set(new Date(this.clock.now().getTime() + minutes * 60_000));
  }

  async staff(departmentId: string, role: Role): Promise<StaffActor> {
    const key = `${departmentId}/${role}`;
    const cached = this.staffCache.get(key);
    if (cached) return cached;
    const rows = await this.deps.db
      .selectFrom("role_assignments as ra")
      .innerJoin("users as u", "u.id", "ra.user_id")
      .select(["u.username", "u.trained_at"])
      .where("ra.role", "=", role)
      .where("ra.department_id", "=", departmentId)
      .where("u.disabled", "=", false)
      .execute();
    // The trained one first (R17), then by username, so the same person acts every time.
    const pick = rows.sort((a, b) => Number(!a.trained_at) - Number(!b.trained_at) || String(a.username).localeCompare(String(b.username)))[0];
    if (!pick?.username) throw new Error(`no staff with role ${role} in department ${departmentId}`);
    const actor = await this.staffByUsername(pick.username);
    this.staffCache.set(key, actor);
    return actor;
  }

  async staffByUsername(username: string): Promise<StaffActor> {
    const cached = this.staffCache.get(username);
    if (cached) return cached;
    const u = await this.deps.db
      .selectFrom("users")
      .leftJoin("departments as d", "d.id", "users.department_id")
      .select(["users.id", "users.name", "users.department_id", "users.trained_at", "d.region_code"])
      .where("users.username", "=", username)
      .where("users.kind", "=", "staff")
      .executeTakeFirst();
    if (!u) throw new Error(`no staff account ${username}`);
    const actor: StaffActor = {
      kind: "staff", id: u.id, name: u.name, departmentId: u.department_id, regionCode: u.region_code ?? null,
      trained: u.trained_at !== null, roles: await rolesOf(this.deps.db, u.id),
    };
    this.staffCache.set(username, actor);
    return actor;
  }

  async staffById(id: string): Promise<StaffActor> {
    const u = await this.deps.db.selectFrom("users").select("username").where("id", "=", id).executeTakeFirst();
    if (!u?.username) throw new Error(`no staff account ${id}`);
    return this.staffByUsername(u.username);
  }

  async applicant(phone: string): Promise<ApplicantActor & { phone: string }> {
    const u = await this.deps.db
      .selectFrom("users")
      .select(["id", "name", "applicant_type"])
      .where("kind", "=", "applicant")
      .where("phone_index", "in", personalDataOf(this.deps.config).indexes("phone", phone))
      .executeTakeFirst();
    if (!u) throw new Error(`no demo applicant with login ${phone.slice(0, 3)}****${phone.slice(-4)}`);
    return { kind: "applicant", id: u.id, name: u.name, applicantType: (u.applicant_type ?? "person") as ApplicantActor["applicantType"], phone };
  }

  async item(code: string): Promise<ItemInfo> {
    const row = await this.deps.db.selectFrom("items").select("id").where("code", "=", code).executeTakeFirst();
    const item = row && (await findItemWithVersion(this.deps.db, row.id));
    if (!item) throw new Error(`no active demo item ${code}`);
    const materials = await materialsOfVersion(this.deps.db, item.version_id);
    return {
      id: item.item_id,
      code,
      departmentId: item.department_id,
      formFields: item.form_fields as unknown as FormField[],
      materials: materials.map((m) => ({ id: m.id, key: m.key, name: m.name, required: m.required })),
      resultDepartmentIds: item.result_department_ids,
    };
  }

  async departmentId(code: string): Promise<string> {
    const d = await this.deps.db.selectFrom("departments").select("id").where("code", "=", code).executeTakeFirst();
    if (!d) throw new Error(`no department ${code}`);
    return d.id;
  }
}

type OpenTask = Awaited<ReturnType<typeof tasksOfCase>>[number];

/** One story being played: the case it opened and what its acts need to remember. */
class CaseRun {
  id: string | null = null;
  requested: string[] = [];

  constructor(
    readonly s: Seeder,
    readonly story: Story,
    readonly index: number,
    readonly item: ItemInfo,
    readonly applicant: ApplicantActor & { phone: string },
    private readonly applyDay: string,
  ) {}

  get caseId(): string {
    if (!this.id) throw new Error("the case is not open yet");
    return this.id;
  }

  formData(): Form {
    const preset = { ...FORMS[this.item.code], ...this.story.form };
    const out: Form = {};
    for (const f of this.item.formFields) out[f.key] = preset[f.key] ?? fallbackValue(f, this.applicant, this.applyDay);
    return out;
  }

  material(key: string) {
    const m = this.item.materials.find((x) => x.key === key);
    if (!m) throw new Error(`item ${this.item.code} has no material ${key}`);
    return m;
  }

  async asLead<T>(role: Role, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
    return this.s.as(await this.s.staff(this.item.departmentId, role), fn);
  }

  /** Open tasks that a plain completion finishes (not acceptance, decision or delivery). */
  async openTasks(departmentCode?: string): Promise<OpenTask[]> {
    const departmentId = departmentCode ? await this.s.departmentId(departmentCode) : undefined;
    return (await tasksOfCase(this.s.deps.db, this.caseId)).filter(
      (t) => (t.status === "open" || t.status === "claimed") && !completedByOwnCommand(t.kind) && (!departmentId || t.department_id === departmentId),
    );
  }

  async complete(t: OpenTask, opts: { outcome?: "return"; opinion?: string }): Promise<void> {
    const staff = t.claimed_by ? await this.s.staffById(t.claimed_by) : await this.s.staff(t.department_id, t.role as Role);
    const day = shanghaiDay(this.s.clock.now());
    if (t.kind === "third-party") {
      const agency = /检验|检测/.test(t.name) ? "重庆市质量和标准化研究院" : "重庆市生态环境工程评估中心";
      await this.s.as(staff, (ctx) =>
        recordThirdPartyResult(ctx, this.caseId, {
          taskId: t.id, agency, reportNo: `CQ-${day.slice(0, 4)}-${String(1000 + this.index * 37).slice(-4)}`, conclusion: "符合要求", receivedOn: day,
          text: `${agency}出具的${t.name}报告：各项指标符合相关标准和技术规范的要求。`,
        }),
      );
      this.s.later(5);
    }
    const opinion =
      opts.opinion ??
      (t.kind === "co-handle" ? OPINIONS.coHandle
        : t.kind === "push" ? OPINIONS.push
          : t.kind === "offline" ? OPINIONS.offline
            : t.kind === "third-party" ? OPINIONS.thirdParty
              : t.role === "reviewer" ? OPINIONS.reviewer : OPINIONS.handler);
    const input: CompleteTaskInput = {
      outcome: opts.outcome ?? "pass",
      opinion,
      ...(t.kind === "offline" ? { record: offlineRecord(t.name, day) } : {}),
    };
    await this.s.as(staff, (ctx) => completeTask(ctx, t.id, input));
    this.s.later(4);
  }
}

interface Planned {
  at: Date;
  order: number;
  label: string;
  run: () => Promise<void>;
}

/**
 * Plays the demo stories on a database that holds the demo catalog, staff and applicants and no
 * case yet. Returns what it created.
 */
export async function seedDemoCases(deps: Deps): Promise<DemoCasesSummary> {
  const started = performance.now();
  const now = deps.clock.now();
  await ensureCalendar(deps.db, now);
  const calendar = await currentCalendar(deps.db);
  const today = shanghaiDay(now);
  const dayOf = (workingDaysAgo: number) => calendar.subtractWorkingDays(today, workingDaysAgo);
  const instant = (day: string, minutes: number) =>
    new Date(`${day}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00+08:00`);

  const s = new Seeder(deps);
  const plan: Planned[] = [];
  let earliest = 0;
  for (const [index, story] of STORIES.entries()) {
    const [item, applicant] = await Promise.all([s.item(story.item), s.applicant(APPLICANTS[story.who])]);
    const run = new CaseRun(s, story, index, item, applicant, dayOf(story.acts[0]![0]));
    // Each story starts at its own minute between 09:00 and 10:59; acts on the same day follow 75 minutes apart.
    const base = 9 * 60 + ((index * 37) % 120);
    let previous = Infinity;
    let slot = 0;
    for (const [i, [ago, a]] of story.acts.entries()) {
      if (ago < 1 || ago > previous) throw new Error(`demo story ${story.key}: act ${a.name} out of order`);
      slot = ago === previous ? slot + 1 : 0;
      previous = ago;
      earliest = Math.max(earliest, ago);
      plan.push({ at: instant(dayOf(ago), base + slot * 75), order: index * 100 + i, label: `${story.key}/${a.name}`, run: () => a.run(run) });
    }
  }
  // The scheduler's sweep at the end of every working day, as a running platform would have done it.
  for (let ago = earliest; ago >= 1; ago--) {
    plan.push({ at: instant(dayOf(ago), 17 * 60 + 50), order: 1e6, label: `sweep ${ago}`, run: async () => void (await runSweep(s.deps, s.clock.now())) });
  }
  plan.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);

  let last = 0;
  for (const p of plan) {
    // Time never runs backwards between commands, even when a sitting ran past the next act's minute.
    s.clock.set(new Date(Math.max(p.at.getTime(), last + 60_000)));
    try {
      await p.run();
    } catch (err) {
      throw new Error(`demo cases: ${p.label} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    last = s.clock.now().getTime();
  }

  // Back to the platform's own time: every open deadline and light as of now, then the sweep.
  const at = deps.clock.now();
  await runPlatformCommand(deps, at, refreshOpenClocks);
  await runSweep(deps, at);
  return summarize(deps, Math.round(performance.now() - started));
}

async function summarize(deps: Deps, ms: number): Promise<DemoCasesSummary> {
  const db = deps.db;
  const count = async (table: "evaluations" | "complaints" | "escalations" | "offplatform_flags" | "certificates") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
  const statuses = await db.selectFrom("cases").select(["status", (eb) => eb.fn.countAll<string>().as("n")]).groupBy("status").execute();
  const byStatus = Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)]));
  return {
    cases: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    evaluations: await count("evaluations"),
    complaints: await count("complaints"),
    escalations: await count("escalations"),
    flags: await count("offplatform_flags"),
    certificates: await count("certificates"),
    ms,
  };
}

/**
 * A small, valid one-page PDF standing in for an uploaded material (ASCII text only: the
 * built-in Helvetica has no Chinese glyphs). The same item and material give the same bytes.
 */
export function samplePdf(itemCode: string, materialKey: string): Buffer {
  const text = `Demo material: ${itemCode} / ${materialKey}`.replace(/[()\\]/g, "");
  const content = `BT /F1 16 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
