import { describe, expect, it, vi } from "vitest";
import { reloadOnStaleChunks } from "./staleChunks.ts";

function fakeWindow() {
  const listeners = new Map<string, (e: Event) => void>();
  const store = new Map<string, string>();
  const reload = vi.fn();
  const win = {
    addEventListener: (type: string, fn: (e: Event) => void) => listeners.set(type, fn),
    location: { reload },
    sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
  } as unknown as Window;
  const fire = () => {
    const event = { preventDefault: vi.fn() } as unknown as Event;
    listeners.get("vite:preloadError")!(event);
    return event;
  };
  return { win, fire, reload };
}

describe("stale chunks after a deploy", () => {
  it("reloads once, and not again within a minute", () => {
    const { win, fire, reload } = fakeWindow();
    let t = 1_000_000;
    reloadOnStaleChunks(win, () => t);
    const first = fire();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(first.preventDefault).toHaveBeenCalled();
    t += 10_000;
    const second = fire();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(second.preventDefault).not.toHaveBeenCalled();
    t += 60_000;
    fire();
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
