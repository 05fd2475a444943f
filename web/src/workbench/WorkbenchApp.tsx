import { lazy, Suspense, type ReactNode } from "react";
import { Route, Routes } from "react-router-dom";
import { PageLoading } from "../common/components/Misc.tsx";
import { RequireStaff, WorkbenchLayout } from "./WorkbenchLayout.tsx";
import type { Section } from "./abilities.ts";
import { RequireSection } from "./supervision/Page.tsx";

const StaffLogin = lazy(() => import("./pages/StaffLogin.tsx"));
const Worklist = lazy(() => import("./pages/Worklist.tsx"));
const CaseFile = lazy(() => import("./pages/CaseFile.tsx"));
const HallDesk = lazy(() => import("./pages/HallDesk.tsx"));
const Inbox = lazy(() => import("./pages/Inbox.tsx"));
const StaffPassword = lazy(() => import("./pages/StaffPassword.tsx"));
const StaffSecurity = lazy(() => import("./pages/StaffSecurity.tsx"));
const NotFound = lazy(() => import("./pages/WorkbenchNotFound.tsx"));
// Configuration (配置管理) and supervision (效能监管): each page its own chunk.
const CatalogList = lazy(() => import("./catalog/CatalogList.tsx"));
const ItemPage = lazy(() => import("./catalog/ItemPage.tsx"));
const GuideEditor = lazy(() => import("./catalog/GuideEditor.tsx"));
const Approvals = lazy(() => import("./catalog/Approvals.tsx"));
const ReviewVersion = lazy(() => import("./catalog/ReviewVersion.tsx"));
const WorkCalendar = lazy(() => import("./config/WorkCalendar.tsx"));
const StaffAdmin = lazy(() => import("./staff/StaffAdmin.tsx"));
const Organization = lazy(() => import("./organization/Organization.tsx"));
const Dashboard = lazy(() => import("./supervision/Dashboard.tsx"));
const Escalations = lazy(() => import("./supervision/Escalations.tsx"));
const Complaints = lazy(() => import("./supervision/Complaints.tsx"));
const Consultations = lazy(() => import("./supervision/Consultations.tsx"));
const Flags = lazy(() => import("./supervision/Flags.tsx"));
const Audit = lazy(() => import("./supervision/Audit.tsx"));
// The certificate library (证照库).
const Certificates = lazy(() => import("./certificates/Certificates.tsx"));
const Integrations = lazy(() => import("./integration/Integrations.tsx"));
// Document templates (文书模板)
const Templates = lazy(() => import("./templates/Templates.tsx"));
const TemplateEditor = lazy(() => import("./templates/TemplateEditor.tsx"));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/** A lazily loaded page that only the roles of its section may open. */
function Guarded({ section, children }: { section: Section; children: ReactNode }) {
  return (
    <RequireSection section={section}>
      <Lazy>{children}</Lazy>
    </RequireSection>
  );
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
        <Route path="hall" element={<Lazy><HallDesk /></Lazy>} />
        <Route path="inbox" element={<Lazy><Inbox /></Lazy>} />
        <Route path="password" element={<Lazy><StaffPassword /></Lazy>} />
        <Route path="security" element={<Lazy><StaffSecurity /></Lazy>} />
        <Route path="catalog" element={<Guarded section="catalog"><CatalogList /></Guarded>} />
        <Route path="catalog/:itemId" element={<Guarded section="catalog"><ItemPage /></Guarded>} />
        <Route path="catalog/:itemId/versions/:versionId/edit" element={<Guarded section="catalog"><GuideEditor /></Guarded>} />
        <Route path="approvals" element={<Guarded section="approvals"><Approvals /></Guarded>} />
        <Route path="approvals/:versionId" element={<Guarded section="approvals"><ReviewVersion /></Guarded>} />
        <Route path="calendar" element={<Lazy><WorkCalendar /></Lazy>} />
        <Route path="config/staff" element={<Guarded section="staff"><StaffAdmin /></Guarded>} />
        <Route path="organization" element={<Guarded section="organization"><Organization /></Guarded>} />
        <Route path="supervision" element={<Guarded section="supervision"><Dashboard /></Guarded>} />
        <Route path="escalations" element={<Guarded section="escalations"><Escalations /></Guarded>} />
        <Route path="complaints" element={<Guarded section="complaints"><Complaints /></Guarded>} />
        <Route path="consultations" element={<Guarded section="consultations"><Consultations /></Guarded>} />
        <Route path="flags" element={<Guarded section="flags"><Flags /></Guarded>} />
        <Route path="audit" element={<Guarded section="audit"><Audit /></Guarded>} />
        <Route path="certificates" element={<Guarded section="certificates"><Certificates /></Guarded>} />
        <Route path="integrations" element={<Guarded section="integrations"><Integrations /></Guarded>} />
        {/* Document templates (文书模板) */}
        <Route path="templates" element={<Guarded section="templates"><Templates /></Guarded>} />
        <Route path="templates/:kind" element={<Guarded section="templates"><TemplateEditor /></Guarded>} />
        <Route path="*" element={<Lazy><NotFound /></Lazy>} />
      </Route>
    </Routes>
  );
}
