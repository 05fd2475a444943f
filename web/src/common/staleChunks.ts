/**
 * After a deploy, a page opened before it asks for code chunks that no longer exist. Vite reports
 * that as `vite:preloadError`; the page then reloads once to pick up the new build. A second
 * failure within a minute is left to the error boundary (no reload loop).
 */
export function reloadOnStaleChunks(win: Pick<Window, "addEventListener" | "location" | "sessionStorage">, now: () => number): void {
  win.addEventListener("vite:preloadError", (event: Event) => {
    const last = Number(win.sessionStorage.getItem("cq-chunk-reload") ?? 0);
    if (now() - last < 60_000) return;
    win.sessionStorage.setItem("cq-chunk-reload", String(now()));
    event.preventDefault();
    win.location.reload();
  });
}
