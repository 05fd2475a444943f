import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type S3Config } from "../src/platform/config.ts";
import { FileStoreError, S3FileStore, sha256Hex } from "../src/platform/files.ts";
import { multipart, sampleFormValue, startPlatform, type TestPlatform, tinyPdf } from "./helpers.ts";
import { demoData } from "./fixtures.ts";
import { startTestS3, type TestS3 } from "./s3Server.ts";

const KEY_ID = "AKIDCQTEST";
const SECRET = "s3cr3t/CQ+test-key";

let s3: TestS3;
let t: TestPlatform;
let s3Config: S3Config;

beforeAll(async () => {
  s3 = await startTestS3({ buckets: ["approval"], keys: { [KEY_ID]: SECRET } });
  s3Config = { kind: "s3", endpoint: s3.endpoint, region: "us-east-1", bucket: "approval", accessKeyId: KEY_ID, secretAccessKey: SECRET, prefix: "cq/", pathStyle: true, timeoutMs: 5_000 };
  t = await startPlatform({ fileStore: s3Config });
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

const APPLICANT = demoData.applicants.find((a) => a.type === "person")!.phone;

/** A draft of the food licence with every form field filled, as the applicant, on `t`. */
async function draft(t: TestPlatform) {
  const session = await t.login(APPLICANT);
  const list = (await t.request({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent("食品经营许可")}` })).json().items;
  const guide = (await t.request({ method: "GET", url: `/api/catalog/items/${list[0].id}` })).json();
  const formData: Record<string, string | number> = {};
  for (const f of guide.formFields) formData[f.key] = sampleFormValue(f, "重庆市渝北区金山路18号");
  const res = await session.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData } });
  expect(res.statusCode).toBe(201);
  return { session, caseId: res.json().id as string, materialId: guide.materials[0].id as string };
}

describe("files in an S3-compatible store (FILE_STORE=s3)", () => {
  it("keeps an uploaded material in the bucket under its hash and serves it back", async () => {
    const { session, caseId, materialId } = await draft(t);
    const bytes = Buffer.concat([tinyPdf, Buffer.from(`% s3 ${caseId}\n`)]);
    const sha = sha256Hex(bytes);
    const body = multipart({ materialId }, { name: "营业执照.pdf", bytes, type: "application/pdf" });
    const up = await session.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: body.payload, headers: body.headers });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().sha256).toBe(sha);

    // In the bucket under <prefix><sha[0..2]>/<sha>, not in the local directory.
    expect(s3.objects.get(`approval/cq/${sha.slice(0, 2)}/${sha}`)).toEqual(bytes);
    expect(fs.existsSync(path.join(t.platform.deps.config.dataDir, "files", sha.slice(0, 2), sha.slice(2)))).toBe(false);

    const down = await session.inject({ method: "GET", url: `/api/cases/${caseId}/materials/${up.json().id}/file` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload).toEqual(bytes);
    expect(s3.refused).toEqual([]);
  });

  it("is ready when the store answers, having written its probe object", async () => {
    const res = await t.request({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(200);
    expect([...s3.objects.keys()].some((k) => k.startsWith("approval/cq/"))).toBe(true);
  });

  it("says clearly when an object is missing", async () => {
    const store = new S3FileStore(s3Config);
    const sha = sha256Hex(Buffer.from("never stored"));
    const err = await store.get(sha).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(FileStoreError);
    expect((err as FileStoreError).missing).toBe(true);
    expect((err as Error).message).toBe(`file store: GET cq/${sha.slice(0, 2)}/${sha} answered 404 NoSuchKey`);
  });

  it("refuses a wrong secret with a clear message that never shows a secret or a signature", async () => {
    const refusedBefore = s3.refused.length;
    const wrong = new S3FileStore({ ...s3Config, secretAccessKey: "not-the-secret" });
    const err = await wrong.put(Buffer.from("anything")).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(FileStoreError);
    const message = (err as Error).message;
    expect(message).toMatch(/^file store: PUT cq\/[0-9a-f]{2}\/[0-9a-f]{64} answered 403 SignatureDoesNotMatch \(check S3_SECRET_ACCESS_KEY\)$/);
    expect(JSON.stringify({ err, store: wrong, message })).not.toMatch(/not-the-secret|Signature=/);
    await expect(wrong.check()).rejects.toThrow(/403 SignatureDoesNotMatch/);
    expect(s3.refused.length).toBeGreaterThan(refusedBefore);
    // An unknown bucket is named as such, and is not taken for a missing object.
    const noBucket = await new S3FileStore({ ...s3Config, bucket: "nope" }).check().then(() => null, (e: unknown) => e);
    expect((noBucket as Error).message).toMatch(/404 NoSuchBucket \(check S3_BUCKET/);
  });

  it("reports a platform with a wrong secret not ready, and fails an upload without details", async () => {
    const broken = await startPlatform({ fileStore: { ...s3Config, secretAccessKey: "not-the-secret" } });
    try {
      const ready = await broken.request({ method: "GET", url: "/readyz" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error.code).toBe("NOT_READY");
      const { session, caseId, materialId } = await draft(broken);
      const body = multipart({ materialId }, { name: "a.pdf", bytes: tinyPdf, type: "application/pdf" });
      const up = await session.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: body.payload, headers: body.headers });
      expect(up.statusCode).toBe(500);
      expect(up.json().error.code).toBe("INTERNAL");
      expect(up.body).not.toMatch(/not-the-secret|Signature|127\.0\.0\.1/);
    } finally {
      await broken.close();
    }
  });
});

describe("file store configuration", () => {
  it("defaults to the local directory and names what FILE_STORE=s3 lacks", () => {
    expect(loadConfig({ NODE_ENV: "test" }).fileStore).toEqual({ kind: "local" });
    expect(() => loadConfig({ NODE_ENV: "test", FILE_STORE: "s3", S3_ENDPOINT: "http://minio:9000" })).toThrow("FILE_STORE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY");
    expect(() => loadConfig({ NODE_ENV: "test", FILE_STORE: "ftp" })).toThrow(/FILE_STORE must be "local" or "s3"/);
    const s3 = loadConfig({ NODE_ENV: "test", FILE_STORE: "s3", S3_ENDPOINT: "http://minio:9000/", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" }).fileStore;
    expect(s3).toMatchObject({ kind: "s3", endpoint: "http://minio:9000", region: "us-east-1", prefix: "", pathStyle: true });
    expect(loadConfig({ NODE_ENV: "test", FILE_STORE: "s3", S3_REGION: "cn-north-1", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_PATH_STYLE: "0" }).fileStore)
      .toMatchObject({ endpoint: "https://s3.cn-north-1.amazonaws.com", pathStyle: false });
  });
});
