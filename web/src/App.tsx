import { lazy, Suspense, useEffect } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { PageLoading, SkipLink } from "./common/components/Misc.tsx";

// Each face is its own chunk: the portal never loads workbench code and vice versa.
const PortalApp = lazy(() => import("./portal/PortalApp.tsx"));
const WorkbenchApp = lazy(() => import("./workbench/WorkbenchApp.tsx"));

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
