import { lazy, Suspense, type ReactNode } from "react";
import { Route, Routes } from "react-router-dom";
import { PageLoading } from "../common/components/Misc.tsx";
import { RequireStaff, WorkbenchLayout } from "./WorkbenchLayout.tsx";

const StaffLogin = lazy(() => import("./pages/StaffLogin.tsx"));
const Worklist = lazy(() => import("./pages/Worklist.tsx"));
const CaseFile = lazy(() => import("./pages/CaseFile.tsx"));
const NotFound = lazy(() => import("./pages/WorkbenchNotFound.tsx"));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/** 业务办理系统: the staff face. */
export default function WorkbenchApp() {
  return (
    <Routes>
      <Route path="login" element={<Lazy><StaffLogin /></Lazy>} />
      <Route
        element={
          <RequireStaff>
            <WorkbenchLayout />
          </RequireStaff>
        }
      >
        <Route index element={<Lazy><Worklist /></Lazy>} />
        <Route path="cases/:id" element={<Lazy><CaseFile /></Lazy>} />
        <Route path="*" element={<Lazy><NotFound /></Lazy>} />
      </Route>
    </Routes>
  );
}
