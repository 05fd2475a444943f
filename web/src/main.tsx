import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { App } from "./App.tsx";
import { AppProviders } from "./common/AppProviders.tsx";
import "./common/global.css";
import "./common/i18n/index.ts";
import { reloadOnStaleChunks } from "./common/staleChunks.ts";

reloadOnStaleChunks(window, () => Date.now());

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>,
);
