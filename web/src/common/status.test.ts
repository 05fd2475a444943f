import { describe, expect, it } from "vitest";
import { en } from "./i18n/en.ts";
import { zhCN } from "./i18n/zh-CN.ts";
import { caseStatuses, isFinal, journeyStep, lightColor, lightRank, statusColor, statusKey } from "./status.ts";

describe("status labels", () => {
  it("has a zh-CN and an English label for every status", () => {
    for (const s of caseStatuses) {
      const key = statusKey(s).split(".")[1] as keyof typeof zhCN.status;
      expect(zhCN.status[key]).toBeTruthy();
      expect(en.status[key]).toBeTruthy();
    }
  });

  it("uses the contract's Chinese labels", () => {
    expect(zhCN.status.submitted).toBe("已提交待受理");
    expect(zhCN.status.supplement_requested).toBe("待补正");
    expect(zhCN.status.suspended).toBe("中止（暂停计时）");
    expect(zhCN.light).toMatchObject({ green: "正常", yellow: "黄灯预警", red: "红灯警告" });
  });

  it("falls back for unknown statuses", () => {
    expect(statusKey("something-new")).toBe("status.unknown");
    expect(statusColor("something-new")).toBe("default");
  });

  it("shows a denied decision as an error", () => {
    expect(statusColor("closed", "approved")).toBe("success");
    expect(statusColor("closed", "denied")).toBe("error");
    expect(statusColor("not_accepted")).toBe("error");
  });
});

describe("lights", () => {
  it("maps to antd status colors", () => {
    expect(lightColor("green")).toBe("success");
    expect(lightColor("yellow")).toBe("warning");
    expect(lightColor("red")).toBe("error");
  });

  it("sorts red before yellow before green before none", () => {
    const sorted = ["green", undefined, "red", "yellow"].sort((a, b) => lightRank(a as never) - lightRank(b as never));
    expect(sorted).toEqual(["red", "yellow", "green", undefined]);
  });
});

describe("journey", () => {
  it("places each status on the applicant's journey", () => {
    expect(journeyStep("draft")).toBe(0);
    expect(journeyStep("submitted")).toBe(1);
    expect(journeyStep("in_progress")).toBe(2);
    expect(journeyStep("decided")).toBe(3);
    expect(journeyStep("closed")).toBe(4);
    expect(isFinal("closed") && isFinal("not_accepted") && !isFinal("accepted")).toBe(true);
  });
});
