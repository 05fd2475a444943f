import { lazy, Suspense, useEffect } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { PageLoading, SkipLink } from "./common/components/Misc.tsx";
import { loadFaceBundles } from "./common/i18n/bundles.ts";

// Each face is its own chunk: the portal never loads workbench code and vice versa. Its strings are
// registered before it renders.
const PortalApp = lazy(() => Promise.all([import("./portal/PortalApp.tsx"), loadFaceBundles("portal")]).then(([m]) => m));
const WorkbenchApp = lazy(() => Promise.all([import("./workbench/WorkbenchApp.tsx"), loadFaceBundles("workbench")]).then(([m]) => m));

function ScrollToTop() {
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

export function App() {
  return (
    <>
      <SkipLink />
      <ScrollToTop />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/workbench/*" element={<WorkbenchApp />} />
          <Route path="/*" element={<PortalApp />} />
        </Routes>
      </Suspense>
    </>
  );
}
