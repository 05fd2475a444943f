import type { Executor } from "../platform/db.ts";
import { lightsRefreshedThrough, refreshLights, setLightsRefreshedThrough } from "./clockRepository.ts";

/** The lights pass of the sweep: incremental when the clock moved on since the last one, full when it was set back. */
export async function refreshLightsThrough(db: Executor, today: string): Promise<{ cases: number; tasks: number; escalations: number }> {
  const since = await lightsRefreshedThrough(db);
  const lights = await refreshLights(db, today, since);
  await setLightsRefreshedThrough(db, today);
  return lights;
}
