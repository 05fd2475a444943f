import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { useMemo, useState, type ReactNode } from "react";
import { isApiError } from "./api/errors.ts";
import { PrefsProvider, usePrefs } from "./prefs.tsx";
import { buildTheme } from "./theme.ts";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network blips and 5xx get two more tries.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

function ThemedApp({ children }: { children: ReactNode }) {
  const { language, elder } = usePrefs();
  const theme = useMemo(() => buildTheme(elder), [elder]);
  return (
    <ConfigProvider locale={language === "zh-CN" ? zhCN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Query cache, preferences (language, elder mode), antd locale and theme. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <PrefsProvider>
        <ThemedApp>{children}</ThemedApp>
      </PrefsProvider>
    </QueryClientProvider>
  );
}
