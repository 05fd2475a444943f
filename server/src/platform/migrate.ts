import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { Executor } from "./db.ts";
import * as m0001 from "../../migrations/0001_foundation.ts";
import * as m0002 from "../../migrations/0002_workflow.ts";
import * as m0003 from "../../migrations/0003_calendar.ts";
import * as m0004 from "../../migrations/0004_supervision.ts";
import * as m0005 from "../../migrations/0005_staff_admin.ts";
import * as m0006 from "../../migrations/0006_accounts.ts";
import * as m0007 from "../../migrations/0007_engagement.ts";
import * as m0008 from "../../migrations/0008_organization.ts";
import * as m0009 from "../../migrations/0009_item_versions.ts";
import * as m0010 from "../../migrations/0010_audit_checkpoints.ts";
import * as m0011 from "../../migrations/0011_staff_second_factor.ts";
import * as m0012 from "../../migrations/0012_personal_data_sealed.ts";
import * as m0013 from "../../migrations/0013_certificate_particulars.ts";
import * as m0014 from "../../migrations/0014_document_templates.ts";
import * as m0015 from "../../migrations/0015_certificate_lifecycle.ts";
import * as m0016 from "../../migrations/0016_outbox_delivery.ts";
import * as m0017 from "../../migrations/0017_consultations.ts";
import * as m0018 from "../../migrations/0018_delivery_choices.ts";
import * as m0019 from "../../migrations/0019_task_light_notices.ts";
import * as m0020 from "../../migrations/0020_account_email.ts";
import * as m0021 from "../../migrations/0021_integration_clients.ts";
import * as m0022 from "../../migrations/0022_integration_calls.ts";
import * as m0023 from "../../migrations/0023_integration_events.ts";
import * as m0024 from "../../migrations/0024_calendar_version.ts";
import * as m0025 from "../../migrations/0025_document_rendering.ts";
import * as m0026 from "../../migrations/0026_version_step_summary.ts";
import * as m0027 from "../../migrations/0027_case_progress.ts";
import * as m0028 from "../../migrations/0028_open_escalations_by_case.ts";
import * as m0029 from "../../migrations/0029_running_jobs.ts";
import * as m0030 from "../../migrations/0030_sequenced_after_commit.ts";
import * as m0031 from "../../migrations/0031_department_counts.ts";
import * as m0032 from "../../migrations/0032_case_supervision_flags.ts";

const migrations: Record<string, Migration> = {
  "0001_foundation": { up: m0001.migrateUp, down: m0001.migrateDown },
  "0002_workflow": { up: m0002.migrateUp, down: m0002.migrateDown },
  "0003_calendar": { up: m0003.migrateUp, down: m0003.migrateDown },
  "0004_supervision": { up: m0004.migrateUp, down: m0004.migrateDown },
  "0005_staff_admin": { up: m0005.migrateUp, down: m0005.migrateDown },
  "0006_accounts": { up: m0006.migrateUp, down: m0006.migrateDown },
  "0007_engagement": { up: m0007.migrateUp, down: m0007.migrateDown },
  "0008_organization": { up: m0008.migrateUp, down: m0008.migrateDown },
  "0009_item_versions": { up: m0009.migrateUp, down: m0009.migrateDown },
  "0010_audit_checkpoints": { up: m0010.migrateUp, down: m0010.migrateDown },
  "0011_staff_second_factor": { up: m0011.migrateUp, down: m0011.migrateDown },
  "0012_personal_data_sealed": { up: m0012.migrateUp, down: m0012.migrateDown },
  "0013_certificate_particulars": { up: m0013.migrateUp, down: m0013.migrateDown },
  "0014_document_templates": { up: m0014.migrateUp, down: m0014.migrateDown },
  "0015_certificate_lifecycle": { up: m0015.migrateUp, down: m0015.migrateDown },
  "0016_outbox_delivery": { up: m0016.migrateUp, down: m0016.migrateDown },
  "0017_consultations": { up: m0017.migrateUp, down: m0017.migrateDown },
  "0018_delivery_choices": { up: m0018.migrateUp, down: m0018.migrateDown },
  "0019_task_light_notices": { up: m0019.migrateUp, down: m0019.migrateDown },
  "0020_account_email": { up: m0020.migrateUp, down: m0020.migrateDown },
  "0021_integration_clients": { up: m0021.migrateUp, down: m0021.migrateDown },
  "0022_integration_calls": { up: m0022.migrateUp, down: m0022.migrateDown },
  "0023_integration_events": { up: m0023.migrateUp, down: m0023.migrateDown },
  "0024_calendar_version": { up: m0024.migrateUp, down: m0024.migrateDown },
  "0025_document_rendering": { up: m0025.migrateUp, down: m0025.migrateDown },
  "0026_version_step_summary": { up: m0026.migrateUp, down: m0026.migrateDown },
  "0027_case_progress": { up: m0027.migrateUp, down: m0027.migrateDown },
  "0028_open_escalations_by_case": { up: m0028.migrateUp, down: m0028.migrateDown },
  "0029_running_jobs": { up: m0029.migrateUp, down: m0029.migrateDown },
  "0030_sequenced_after_commit": { up: m0030.migrateUp, down: m0030.migrateDown },
  "0031_department_counts": { up: m0031.migrateUp, down: m0031.migrateDown },
  "0032_case_supervision_flags": { up: m0032.migrateUp, down: m0032.migrateDown },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest version; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** The name of the newest migration applied to a database (none: ""). */
export async function latestMigration(db: Executor): Promise<string> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return r.rows[0]?.name ?? "";
}
