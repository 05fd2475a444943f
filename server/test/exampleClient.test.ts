import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/platform/paths.ts";
import { demoData, simpleItem, staffWith } from "./fixtures.ts";
import { startPlatform, type SystemSession, type TestPlatform } from "./helpers.ts";
import { WorkflowDriver } from "./workflowDriver.ts";

// The example client of docs/integration.md (examples/feed-client) run as a department system
// would run it: its own process, over HTTP, against a listening platform.
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const mainTs = path.join(repoRoot, "examples/feed-client/src/main.ts");

let t: TestPlatform;
let system: SystemSession;
let baseUrl: string;
let workDir: string;
let departmentId: string;
beforeAll(async () => {
  t = await startPlatform();
  const item = simpleItem();
  departmentId = (await t.db.selectFrom("departments").select("id").where("code", "=", item.departmentCode).executeTakeFirstOrThrow()).id;
  system = await t.integration(departmentId, ["events:read"], "示例对接系统");
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  if (!address || typeof address === "string") throw new Error("not listening");
  baseUrl = `http://127.0.0.1:${address.port}`;
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "feed-client-"));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** One run of the example with --once: the lines it printed. */
async function runOnce(cursorFile: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [tsxCli, mainTs, "--once", "--cursor-file", cursorFile, "--limit", "2"], {
    env: { ...process.env, CQ_BASE_URL: baseUrl, CQ_TOKEN: system.token },
    timeout: 60_000,
  });
  return stdout.split("\n").filter(Boolean);
}

async function submittedAndAccepted(): Promise<{ caseId: string; supervisionCode: string }> {
  const driver = new WorkflowDriver(t);
  const applicant = await t.login(demoData.applicants.find((a) => a.type === "person")!.phone);
  const caseId = await driver.apply(simpleItem().code, applicant);
  const clerk = await t.login(staffWith("clerk", simpleItem().departmentCode).username);
  const accepted = await clerk.inject({ method: "POST", url: `/api/cases/${caseId}/accept` });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { caseId, supervisionCode: accepted.json().supervisionCode };
}

describe("the example feed client", () => {
  it("prints each event once, in order, keeping its cursor between runs", async () => {
    const cursorFile = path.join(workDir, "cursor");
    const first = await submittedAndAccepted();

    const lines = await runOnce(cursorFile);
    const mine = lines.filter((l) => l.split(" ")[2] === first.caseId);
    expect(mine.map((l) => l.split(" ")[1])).toEqual(expect.arrayContaining(["case.submitted", "case.accepted"]));
    expect(mine.findIndex((l) => l.includes(" case.submitted "))).toBeLessThan(mine.findIndex((l) => l.includes(" case.accepted ")));
    expect(mine.find((l) => l.includes(" case.accepted "))).toMatch(new RegExp(`^\\S+ case\\.accepted ${first.caseId} ${first.supervisionCode}$`));
    for (const line of lines) expect(line).toMatch(/^\S+ [a-z_.]+ \S+ \S+$/);
    expect(new Set(lines.map((l) => l.split(" ")[0])).size, "no event twice").toBe(lines.length);
    expect(fs.readFileSync(cursorFile, "utf8").trim()).not.toBe("");

    // Caught up: a second run prints nothing; after a new case, only its events.
    expect(await runOnce(cursorFile)).toEqual([]);
    const second = await submittedAndAccepted();
    const next = await runOnce(cursorFile);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((l) => l.split(" ")[2] === second.caseId)).toBe(true);
  });

  it("stops with the platform's error for a token without the scope", async () => {
    const other = await t.integration(departmentId, ["cases:read"]);
    const run = promisify(execFile)(process.execPath, [tsxCli, mainTs, "--once", "--cursor-file", path.join(workDir, "unused")], {
      env: { ...process.env, CQ_BASE_URL: baseUrl, CQ_TOKEN: other.token },
      timeout: 60_000,
    });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("INTEGRATION_SCOPE_MISSING") });
  });
});
