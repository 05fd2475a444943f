/**
 * The floor of the public progress query: a bare Fastify + node-postgres server answering
 * `GET /api/public/progress/:code` with one indexed lookup by supervision code (the unique index
 * on cases.supervision_code), no validation, no presentation. Same pool size as the platform.
 *
 *   DATABASE_URL=postgres://… PORT=3901 tsx bench/floors/progressServer.ts
 */
import Fastify from "fastify";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

app.get("/readyz", async () => {
  await pool.query("select 1");
  return { status: "ok" };
});

app.get<{ Params: { code: string } }>("/api/public/progress/:code", async (req, reply) => {
  const { rows } = await pool.query("select supervision_code, status, due_date, light from cases where supervision_code = $1", [req.params.code]);
  if (!rows.length) return reply.code(404).send({ error: { code: "CASE_NOT_FOUND" } });
  return rows[0];
});

await app.listen({ port: Number(process.env.PORT ?? 3901), host: "127.0.0.1" });
const stop = () => void app.close().then(() => pool.end()).then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
