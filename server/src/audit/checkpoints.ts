import fs from "node:fs";
import path from "node:path";
import type { Config } from "../platform/config.ts";
import type { Executor } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import { type AuditKeys, auditKeysOf, hmacHex } from "./keys.ts";

// Checkpoints of the chain's head (how many entries, the last one's hash), signed with the audit key
// and kept outside the audit table: in their own table and appended to a file beside the database
// (and printed in the monthly report). A deleted tail or an emptied table falls short of the last
// checkpoint; a forged checkpoint fails its MAC.

export const AUDIT_CHECKPOINT_JOB = "audit.checkpoint";

export interface Checkpoint {
  id: string;
  entries: number;
  lastSeq: number;
  headHash: string;
  keyId: string;
  at: string;
  mac: string;
}

const macOf = (secret: Buffer, c: Omit<Checkpoint, "id" | "mac" | "keyId">) =>
  hmacHex(secret, "audit-checkpoint", String(c.entries), String(c.lastSeq), c.headHash, c.at);

export const checkpointFile = (config: Pick<Config, "dataDir">) => path.join(config.dataDir, "audit", "checkpoints.jsonl");

export function checkpointValid(keys: AuditKeys, c: Checkpoint): boolean {
  const secret = keys.byId.get(c.keyId);
  return !!secret && macOf(secret, c) === c.mac;
}

async function latestInTable(db: Executor): Promise<Checkpoint | undefined> {
  const r = await db.selectFrom("audit_checkpoints").selectAll().orderBy("last_seq", "desc").limit(1).executeTakeFirst();
  return r && { id: r.id, entries: Number(r.entries), lastSeq: Number(r.last_seq), headHash: r.head_hash, keyId: r.key_id, at: r.at.toISOString(), mac: r.mac };
}

/** Every checkpoint the file holds (lines that do not parse are skipped: they fail no one). */
export function checkpointsInFile(config: Pick<Config, "dataDir">): Checkpoint[] {
  const file = checkpointFile(config);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Checkpoint];
      } catch {
        return [];
      }
    });
}

/** The newest checkpoint known, from the table or the file, whichever is further along. */
export async function latestCheckpoint(db: Executor, config: Pick<Config, "dataDir">): Promise<Checkpoint | undefined> {
  const candidates = [await latestInTable(db), ...checkpointsInFile(config)].filter((c): c is Checkpoint => !!c);
  return candidates.sort((a, b) => b.lastSeq - a.lastSeq || b.entries - a.entries)[0];
}

/**
 * Signs the chain's head when it moved since the last checkpoint; returns the new checkpoint or
 * null. Counting is incremental from the previous checkpoint, so it stays cheap on a long chain.
 */
export async function writeCheckpoint(db: Executor, config: Config, now: Date): Promise<Checkpoint | null> {
  const keys = auditKeysOf(config);
  const prev = await latestInTable(db);
  const head = await db.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
  if (!head || (prev && prev.lastSeq === head.seq)) return null;
  const since = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("seq", ">", prev?.lastSeq ?? 0)
    .where("seq", "<=", head.seq)
    .executeTakeFirstOrThrow();
  const body = { entries: (prev?.entries ?? 0) + Number(since.n), lastSeq: head.seq, headHash: head.hash, at: now.toISOString() };
  const c: Checkpoint = { id: newId(), ...body, keyId: keys.current.id, mac: macOf(keys.current.secret, body) };
  await db
    .insertInto("audit_checkpoints")
    .values({ id: c.id, entries: c.entries, last_seq: c.lastSeq, head_hash: c.headHash, key_id: c.keyId, at: now, mac: c.mac })
    .execute();
  const file = checkpointFile(config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(c)}\n`);
  return c;
}
