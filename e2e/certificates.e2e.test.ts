/**
 * The certificate library (证照库): a decider of the demo data revokes a certificate with a reason
 * and a legal basis in the workbench; the public verification page then shows it revoked with the
 * date, reason and legal basis, and the holder's 我的证照 shows the same and offers the signed file.
 *
 * The certificate is registered through the API for the demo company (渝北区市场监督管理局, no
 * supervision code), so it also carries the off-platform mark. Screenshots: e2e/out/cert-*.png.
 */
import { describe, expect, it } from "vitest";
import { ApiSession } from "./api.ts";
import { screenshot } from "./browser.ts";
import { applicantLogin, axeCheck, getJson, staffLogin, visible } from "./pages.ts";
import { browserSuite } from "./suite.ts";

const DECIDER = "yb.scjg.decider";
const HOLDER = "18930357537";
const REASON = `以欺骗手段取得许可（e2e ${Date.now().toString(36)}）`;
const LEGAL_BASIS = "《中华人民共和国行政许可法》第六十九条第二款";

describe("certificates: revoked in the workbench, shown revoked on verification", () => {
  const b = browserSuite("certificates");
  let certificateNo = "";

  it("registers a certificate of the decider's department for the demo company (API)", async () => {
    const holder = await ApiSession.login(b.baseUrl, HOLDER);
    const decider = await ApiSession.login(b.baseUrl, DECIDER);
    const holderId = (await holder.get<{ id: string }>("/api/me")).id;
    const me = await decider.get<{ department: { id: string }; abilities: { certificates: { issueFor: string[] } } }>("/api/me");
    expect(me.abilities.certificates.issueFor).toContain(me.department.id);
    const out = await decider.post<{ certificateNo: string; flagged: boolean }>("/api/certificates", {
      departmentId: me.department.id, type: "食品经营许可证", name: "食品经营许可证", holderId, validUntil: "2031-12-31",
    });
    expect(out.flagged).toBe(true);
    certificateNo = out.certificateNo;
  });

  it("the decider finds it in 证照库 and revokes it with reason and legal basis", async () => {
    b.needEarlierSteps();
    const page = await b.newPage("decider");
    await staffLogin(page, DECIDER);
    await page.getByRole("link", { name: "证照库" }).click();
    await visible(page.getByRole("heading", { name: "证照库", level: 1 }));
    expect(await axeCheck(page, "certificate library", { all: true })).toEqual([]);

    await page.getByRole("searchbox", { name: "证照编号" }).fill(certificateNo);
    await page.getByRole("searchbox", { name: "证照编号" }).press("Enter");
    const row = page.getByRole("row").filter({ hasText: certificateNo });
    await visible(row);
    await visible(row.getByText("有效", { exact: true }));
    await visible(row.getByText("平台外登记（无监管码）"));

    await row.getByRole("button", { name: `注销证照 ${certificateNo}` }).click();
    const dialog = page.getByRole("dialog", { name: `注销证照 ${certificateNo}` });
    await visible(dialog);
    // Reason, legal basis and the confirmation are all required.
    await dialog.getByRole("button", { name: "确认注销" }).click();
    await visible(dialog.getByText("请填写注销原因"));
    await visible(dialog.getByText("请填写注销所依据的法律、法规或规章条款"));
    await dialog.getByLabel("注销原因").fill(REASON);
    await dialog.getByLabel("法律依据").fill(LEGAL_BASIS);
    // The help texts fade out; axe looks at the form once they are gone.
    await expect.poll(() => dialog.locator(".ant-form-item-explain").count()).toBe(1);
    await expect.poll(() => dialog.locator(".ant-form-show-help-leave").count()).toBe(0);
    expect(await axeCheck(page, "revoke dialog", { all: true })).toEqual([]);
    await screenshot(page, "cert-revoke-dialog");
    await dialog.getByRole("button", { name: "确认注销" }).click();
    await visible(dialog.getByText("请勾选确认"));
    await dialog.getByRole("checkbox", { name: "我已核实，确认注销该证照" }).check();
    await dialog.getByRole("button", { name: "确认注销" }).click();
    await visible(page.getByText(`证照 ${certificateNo} 已注销，已通知持证人。`));
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await visible(row.getByText("已注销", { exact: true }));
    await visible(row.getByText(LEGAL_BASIS, { exact: false }));
    expect(await row.getByRole("button", { name: `注销证照 ${certificateNo}` }).count()).toBe(0);
    await screenshot(page, "cert-workbench-revoked");
  });

  it("the public verification page shows it revoked with date, reason and legal basis", async () => {
    b.needEarlierSteps();
    const page = await b.newPage("public");
    await page.goto(`/verify/${encodeURIComponent(certificateNo)}`);
    await visible(page.getByText("证照已注销"));
    await visible(page.getByText("注销信息"));
    await visible(page.getByText(REASON));
    await visible(page.getByText(LEGAL_BASIS));
    await visible(page.getByText("平台外登记（无监管码）"));
    await visible(page.getByRole("link", { name: /下载签名文件（离线核验）/ }));
    expect(await axeCheck(page, "verification: revoked", { all: true })).toEqual([]);
    await screenshot(page, "cert-verify-revoked");
    // Without a login the signed file is not given out.
    expect((await getJson(page.context(), `/api/certificates/${encodeURIComponent(certificateNo)}/signed.json`)).status).toBe(401);

    // Elder mode: the same page, larger.
    await page.evaluate(() => localStorage.setItem("cq.elder", "1"));
    await page.reload();
    await visible(page.getByText(LEGAL_BASIS));
    expect(await axeCheck(page, "verification: revoked, elder mode", { all: true })).toEqual([]);
    await screenshot(page, "cert-verify-revoked-elder");
  });

  it("the holder sees it revoked in 我的证照 and downloads the signed file", async () => {
    b.needEarlierSteps();
    const page = await b.newPage("holder");
    await applicantLogin(page, HOLDER);
    await page.goto("/my/certificates");
    await visible(page.getByRole("heading", { name: "我的证照", level: 1 }));
    const card = page.locator(".ant-card").filter({ hasText: certificateNo });
    await visible(card.getByText("已注销", { exact: true }));
    await visible(card.getByText(LEGAL_BASIS, { exact: false }));
    await visible(card.getByRole("link", { name: /下载签名文件（离线核验）/ }));
    expect(await axeCheck(page, "my certificates", { all: true })).toEqual([]);
    await screenshot(page, "cert-my-certificates");
    const file = await getJson<{ payload: { certificateNo: string }; alg: string; keyId: string; signature: string }>(
      page.context(), `/api/certificates/${encodeURIComponent(certificateNo)}/signed.json`,
    );
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ alg: "Ed25519", payload: { certificateNo } });
  });

  it("no page crashed", () => {
    expect(b.pageErrors()).toEqual([]);
  });
});
