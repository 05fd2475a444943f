import { createContext, use, useCallback, useMemo, useState, type ReactNode } from "react";

const AnnounceContext = createContext<(text: string) => void>(() => undefined);

/**
 * A polite live region for the results of actions: antd's toast disappears and is not reliably
 * read out, this text stays until the next result.
 */
export function AnnounceProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState("");
  // Clearing first makes a repeated identical message be read again.
  const announce = useCallback((next: string) => {
    setText("");
    window.setTimeout(() => setText(next), 50);
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext value={value}>
      {children}
      <div className="sr-only" role="status" aria-live="polite" data-testid="action-result">{text}</div>
    </AnnounceContext>
  );
}

export function useAnnounce(): (text: string) => void {
  return use(AnnounceContext);
}
