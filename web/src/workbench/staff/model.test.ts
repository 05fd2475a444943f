import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en as mainEn } from "../../common/i18n/en.ts";
import { zhCN } from "../../common/i18n/staffadmin.ts";
import { en } from "../../common/i18n/staffadmin.en.ts";
import { zhCN as mainZh } from "../../common/i18n/zh-CN.ts";
import type { Role, StaffChange } from "@cq/contracts";
import { describeChange, detailChanges, nonApprovingDepartmentRoles, regionCodesOf, roleScope, sortRoles, type Translate } from "./model.ts";

const i18n = i18next.createInstance();
let zh: Translate;
let english: Translate;

beforeAll(async () => {
  await i18n.init({
    resources: { "zh-CN": { translation: mainZh }, en: { translation: mainEn } },
    lng: "zh-CN",
    fallbackLng: "zh-CN",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
  i18n.addResourceBundle("en", "translation", en, true, false);
  zh = i18n.getFixedT("zh-CN") as unknown as Translate;
  english = i18n.getFixedT("en") as unknown as Translate;
});

const base = { staffName: "李四", department: { id: "d-yb-scjg", name: "重庆市渝北区市场监督管理局" } };
const change = (kind: StaffChange["kind"], payload: unknown) => ({ ...base, kind, payload: payload as StaffChange["payload"] });
const names = {
  department: (id: string) => ({ "d-cq-scjg": "重庆市市场监督管理局" })[id],
  region: (code: string) => ({ "500112": "渝北区" })[code],
};

describe("role groups", () => {
  it("offers a new, untrained member only the roles that do not approve (R17)", () => {
    expect(nonApprovingDepartmentRoles(["handler", "reviewer", "decider", "department-head"])).toEqual(["department-admin", "clerk"]);
  });

  it("sorts platform roles first, then department roles in their order", () => {
    const r = (role: Role) => ({ id: role, role, departmentId: null, departmentName: null, regionCode: null });
    expect(sortRoles([r("reviewer"), r("clerk"), r("region-admin")]).map((x) => x.role)).toEqual(["region-admin", "clerk", "reviewer"]);
  });

  it("lists the districts of the departments once each", () => {
    expect(regionCodesOf([{ regionCode: "500112" }, { regionCode: "500000" }, { regionCode: "500112" }])).toEqual(["500000", "500112"]);
  });
});

describe("describeChange", () => {
  it("says what a grant does, in Chinese role names", () => {
    expect(describeChange(zh, change("grant-role", { grant: { role: "handler" } }), names)).toBe("授予角色：承办（重庆市渝北区市场监督管理局）");
    expect(describeChange(zh, change("grant-role", { grant: { role: "reviewer", departmentId: "d-cq-scjg" } }), names)).toBe("授予角色：审核（重庆市市场监督管理局）");
    expect(describeChange(zh, change("grant-role", { grant: { role: "region-admin", regionCode: "500112" } }), names)).toBe("授予角色：区县管理员（区县：渝北区（500112））");
    expect(describeChange(zh, change("grant-role", { role: "platform-admin" }), names)).toBe("授予角色：平台管理员（全平台）");
  });

  it("says what a revoke does", () => {
    const payload = { roleAssignmentId: "ra-1", role: "decider", departmentName: "重庆市渝北区市场监督管理局", regionCode: "500112" };
    expect(describeChange(zh, change("revoke-role", payload), names)).toBe("撤销角色：审批决定（重庆市渝北区市场监督管理局）");
  });

  it("lists the detail changes", () => {
    expect(describeChange(zh, change("update", { changes: { name: "李思", disabled: true } }))).toBe("修改信息：姓名改为“李思”；停用账号");
    expect(describeChange(zh, change("update", { changes: { disabled: false } }))).toBe("修改信息：恢复启用账号");
  });

  it("describes a new staff member", () => {
    const staff = { username: "yb.scjg.clerk3", name: "王五", phone: "13800000000", idNumber: "x", departmentId: "d-cq-scjg", roles: ["clerk"] };
    expect(describeChange(zh, change("create", { staff }), names)).toBe("新增工作人员 王五（用户名 yb.scjg.clerk3），部门：重庆市市场监督管理局；申请角色：窗口受理");
    expect(describeChange(zh, change("create", { staff: { ...staff, roles: [] } }), names)).toContain("申请角色：无");
  });

  it("survives a payload of an unexpected shape", () => {
    expect(describeChange(zh, change("revoke-role", null))).toBe("撤销角色：（未知角色）（重庆市渝北区市场监督管理局）");
    expect(describeChange(zh, change("update", "nonsense"))).toBe("修改信息：（无修改内容）");
  });

  it("speaks English too", () => {
    expect(describeChange(english, change("grant-role", { grant: { role: "handler" } }), names)).toBe("Grant role: Handler (重庆市渝北区市场监督管理局)");
  });
});

describe("roleScope", () => {
  it("falls back to the member's department", () => {
    expect(roleScope(zh, { role: "clerk", departmentId: null }, {}, "某部门")).toBe("某部门");
    expect(roleScope(zh, { role: "clerk" })).toBe("—");
  });
});

describe("detailChanges", () => {
  const current = { name: "张三", disabled: false };
  it("keeps only what differs", () => {
    expect(detailChanges(current, { name: "张三", phone: "", disabled: false })).toEqual({});
    expect(detailChanges(current, { name: " 张叁 ", phone: "13912345678", disabled: true })).toEqual({ name: "张叁", phone: "13912345678", disabled: true });
    expect(detailChanges({ name: "张三", disabled: true }, { disabled: false })).toEqual({ disabled: false });
  });
});
