/**
 * Holds a server process to a CPU budget, as a container's CPU limit does (Kubernetes `limits.cpu`,
 * `docker run --cpus`): a Linux cgroup with a CFS quota of `cores` × the period. On a machine with
 * few cores, where one unbounded server process already takes a core and the database and the load
 * generator take the rest, this is how the scaling of server processes can be measured at all: give
 * one process a budget, then two processes the same budget each, and compare.
 *
 * Needs root and either cgroup v1's `cpu` hierarchy (/sys/fs/cgroup/cpu) or cgroup v2 with the `cpu`
 * controller at /sys/fs/cgroup; `cpuBudgetSupported()` says whether this machine has one.
 */
import fs from "node:fs";
import path from "node:path";

/**
 * The CFS period. With the kernel's default 100 ms, a process held to 0.4 core runs 40 ms and then
 * stands still 60 ms, and one process serving 32 connections used 40 % more CPU per request than two
 * did (measured); with 10 ms periods both use the same per request, so the comparison is of capacity.
 */
const PERIOD_US = 10_000;

type Hierarchy = { kind: "v1" | "v2"; root: string };

function hierarchy(): Hierarchy | null {
  const v1 = "/sys/fs/cgroup/cpu";
  if (fs.existsSync(path.join(v1, "cpu.cfs_quota_us"))) return { kind: "v1", root: v1 };
  const v2 = "/sys/fs/cgroup";
  try {
    if (fs.readFileSync(path.join(v2, "cgroup.controllers"), "utf8").split(/\s+/).includes("cpu")) return { kind: "v2", root: v2 };
  } catch {
    // no cgroup v2 at the root
  }
  return null;
}

/** Whether processes can be held to a CPU budget here (a cpu cgroup hierarchy that this user may write). */
export function cpuBudgetSupported(): boolean {
  const h = hierarchy();
  if (!h) return false;
  try {
    fs.accessSync(h.root, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The child processes of `pid` (scanning /proc: field 4 of /proc/<n>/stat is the parent). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/**
 * Puts each of `pids` in a cgroup of its own allowed `cores` of CPU time (0.4 = 40 ms in every 100 ms);
 * returns the function that lets them go again (moves them back to the root group, removes the groups).
 */
export function holdToCpu(pids: number[], cores: number): () => void {
  const h = hierarchy();
  if (!h) throw new Error("no cpu cgroup hierarchy on this machine");
  if (h.kind === "v2") {
    const control = path.join(h.root, "cgroup.subtree_control");
    if (!fs.readFileSync(control, "utf8").split(/\s+/).includes("cpu")) fs.writeFileSync(control, "+cpu");
  }
  const groups: string[] = [];
  for (const pid of pids) {
    const dir = path.join(h.root, `cq-bench-${pid}`);
    fs.mkdirSync(dir, { recursive: true });
    const quota = Math.round(cores * PERIOD_US);
    if (h.kind === "v1") {
      fs.writeFileSync(path.join(dir, "cpu.cfs_period_us"), String(PERIOD_US));
      fs.writeFileSync(path.join(dir, "cpu.cfs_quota_us"), String(quota));
    } else {
      fs.writeFileSync(path.join(dir, "cpu.max"), `${quota} ${PERIOD_US}`);
    }
    // cgroup.procs moves every thread of the process (the event loop, libuv's pool, the GC threads).
    fs.writeFileSync(path.join(dir, "cgroup.procs"), String(pid));
    groups.push(dir);
  }
  return () => {
    for (const dir of groups) {
      try {
        for (const pid of fs.readFileSync(path.join(dir, "cgroup.procs"), "utf8").split("\n").filter(Boolean)) fs.writeFileSync(path.join(h.root, "cgroup.procs"), pid);
        fs.rmdirSync(dir);
      } catch {
        // already gone
      }
    }
  };
}
