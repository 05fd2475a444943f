import { type Kysely, sql } from "kysely";

// The event feed of department systems (R5, R27) and its webhooks. `seq` is the feed's cursor: it
// is drawn under the audit chain's advisory lock, held until commit, so seqs become visible in
// commit order (docs/integration-events.md). Deliveries are durable jobs: one row per event and
// subscription, with every attempt kept.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`create table integration_events (
      seq bigserial primary key,
      id text not null unique,
      type text not null,
      case_id text not null,
      supervision_code text,
      department_id text not null references departments(id),
      at timestamptz not null,
      data jsonb not null
    )`,
    sql`create index integration_events_department on integration_events(department_id, seq)`,
    sql`create table webhook_subscriptions (
      id text primary key,
      integration_id text not null references integration_clients(id),
      url text not null,
      events jsonb not null,
      secret text not null,
      status text not null default 'active',
      failing_since timestamptz,
      consecutive_failures integer not null default 0,
      created_by text references users(id),
      created_at timestamptz not null,
      paused_at timestamptz,
      deleted_at timestamptz
    )`,
    sql`create index webhook_subscriptions_integration on webhook_subscriptions(integration_id)`,
    sql`create table webhook_deliveries (
      id text primary key,
      subscription_id text not null references webhook_subscriptions(id),
      event_id text not null references integration_events(id),
      status text not null,
      attempts integer not null default 0,
      first_attempt_at timestamptz,
      next_attempt_at timestamptz not null,
      last_status_code integer,
      locked_by text,
      locked_at timestamptz,
      created_at timestamptz not null,
      delivered_at timestamptz
    )`,
    sql`create index webhook_deliveries_due on webhook_deliveries(status, next_attempt_at)`,
    sql`create index webhook_deliveries_subscription on webhook_deliveries(subscription_id, created_at)`,
    sql`create table webhook_attempts (
      id text primary key,
      delivery_id text not null references webhook_deliveries(id),
      at timestamptz not null,
      status_code integer,
      error text,
      duration_ms integer not null
    )`,
    sql`create index webhook_attempts_delivery on webhook_attempts(delivery_id, at)`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const t of ["webhook_attempts", "webhook_deliveries", "webhook_subscriptions", "integration_events"]) {
    await sql`drop table if exists ${sql.id(t)}`.execute(db);
  }
}
