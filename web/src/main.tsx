import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { App } from "./App.tsx";
import { AppProviders } from "./common/AppProviders.tsx";
import "./common/global.css";
import i18n, { isLanguage, switchLanguage } from "./common/i18n/index.ts";
import { reloadOnStaleChunks } from "./common/staleChunks.ts";

reloadOnStaleChunks(window, () => Date.now());

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

// A reader in English waits for the English strings (a small chunk) before the first paint; Chinese is here already.
const ready = isLanguage(i18n.language) && i18n.language !== "zh-CN" ? switchLanguage(i18n.language).catch(() => undefined) : Promise.resolve();
void ready.then(() =>
  createRoot(container).render(
    <StrictMode>
      <AppProviders>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  ),
);
