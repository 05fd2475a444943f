/**
 * Organization administration in the workbench (组织机构, R14).
 *
 * The platform admin opens 组织机构, adds the street 龙溪街道 below 渝北区, then a department of
 * that street, and finds both in the tree. A second street with the same code is refused in the
 * dialog, next to the code. The page passes axe-core.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { axeCheck, fieldLabel, staffLogin, twoChars, urlMatch, visible } from "./pages.ts";

const ADMIN = "admin";
const STREET = "龙溪街道";
const STREET_CODE = "500112005";
const DEPARTMENT = "渝北区龙溪街道便民服务中心";

const treeNode = (page: Page, name: string) => page.locator(".ant-tree").getByText(name, { exact: true });

async function addStreet(page: Page, code: string, name: string) {
  await page.getByRole("button", { name: "新增下级区域" }).click();
  const dialog = await visible(page.getByRole("dialog", { name: "新增区域（渝北区下级）" }));
  await dialog.getByLabel(fieldLabel("区划代码")).fill(code);
  await dialog.getByLabel(fieldLabel("名称")).fill(name);
  await dialog.getByRole("button", { name: twoChars("保存") }).click();
  return dialog;
}

describe("organization administration: a street and its department", () => {
  const suite = browserSuite("organization");
  const { newPage } = suite;

  it("the platform admin adds a street below 渝北区 and a department there, and sees them in the tree", async () => {
    const page = await newPage(ADMIN);
    await staffLogin(page, ADMIN);
    await page.getByRole("link", { name: "组织机构" }).first().click();
    await urlMatch(page, /\/workbench\/organization/);
    await visible(page.getByRole("heading", { name: "组织机构", level: 1 }));
    await (await visible(treeNode(page, "渝北区"))).click();
    await visible(page.getByRole("heading", { name: "渝北区", level: 2 }));
    expect(await axeCheck(page, "organization", { all: true })).toEqual([]);

    const dialog = await addStreet(page, STREET_CODE, STREET);
    await dialog.waitFor({ state: "hidden" });
    await (await visible(treeNode(page, STREET))).click();
    await visible(page.getByRole("heading", { name: STREET, level: 2 }));
    await visible(page.getByText(`区划代码 ${STREET_CODE}`));

    await page.getByRole("button", { name: "新增部门" }).click();
    const deptDialog = await visible(page.getByRole("dialog", { name: `在${STREET}新增部门` }));
    await deptDialog.getByLabel(fieldLabel("名称")).fill(DEPARTMENT);
    await deptDialog.getByLabel(fieldLabel("联系电话")).fill("023-67890123");
    await deptDialog.getByRole("button", { name: twoChars("保存") }).click();
    await deptDialog.waitFor({ state: "hidden" });
    await visible(treeNode(page, DEPARTMENT));
    await visible(page.getByRole("table", { name: `${STREET}的部门` }).getByRole("row").filter({ hasText: DEPARTMENT }));
    await screenshot(page, "organization-street");
    expect(await axeCheck(page, "organization with a street", { all: true })).toEqual([]);

    // The same code again: refused by the server, shown at the code field.
    await (await visible(treeNode(page, "渝北区"))).click();
    const again = await addStreet(page, STREET_CODE, "龙溪街道（重复）");
    await visible(again.getByText("该区划代码已存在。"));
    await again.getByRole("button", { name: twoChars("取消") }).click();
    await again.waitFor({ state: "hidden" });
  });
});
