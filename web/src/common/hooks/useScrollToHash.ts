import { useEffect } from "react";
import { useLocation } from "react-router-dom";

/** Scrolls to `#id` once the page's content is there (the router does not do it by itself). */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el) {
      el.scrollIntoView({ behavior: "smooth", block: "start" });
      el.setAttribute("tabindex", "-1");
      el.focus({ preventScroll: true });
    }
  }, [ready, hash]);
}
