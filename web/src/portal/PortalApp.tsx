import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router-dom";
import { PageLoading } from "../common/components/Misc.tsx";
import { PortalLayout } from "./PortalLayout.tsx";

const Home = lazy(() => import("./pages/Home.tsx"));
const ItemList = lazy(() => import("./pages/ItemList.tsx"));
const ItemGuide = lazy(() => import("./pages/ItemGuide.tsx"));
const Departments = lazy(() => import("./pages/Departments.tsx"));
const Department = lazy(() => import("./pages/Department.tsx"));
const Register = lazy(() => import("./pages/Register.tsx"));
const Login = lazy(() => import("./pages/Login.tsx"));
const ResetPassword = lazy(() => import("./pages/ResetPassword.tsx"));
const ChangePassword = lazy(() => import("./pages/ChangePassword.tsx"));
const MyNotices = lazy(() => import("./pages/MyNotices.tsx"));
const Apply = lazy(() => import("./pages/apply/Apply.tsx"));
const MyCases = lazy(() => import("./pages/MyCases.tsx"));
const MyCase = lazy(() => import("./pages/MyCase.tsx"));
const MyInbox = lazy(() => import("./pages/MyInbox.tsx"));
const MyComplaints = lazy(() => import("./pages/MyComplaints.tsx"));
const MyConsultations = lazy(() => import("./pages/MyConsultations.tsx"));
const MyCertificates = lazy(() => import("./pages/MyCertificates.tsx"));
const Progress = lazy(() => import("./pages/Progress.tsx"));
const Verify = lazy(() => import("./pages/Verify.tsx"));
const NotFound = lazy(() => import("./pages/NotFound.tsx"));

/** 公众服务系统: the public face. */
export default function PortalApp() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<Lazy><Home /></Lazy>} />
        <Route path="items" element={<Lazy><ItemList /></Lazy>} />
        <Route path="items/:id" element={<Lazy><ItemGuide /></Lazy>} />
        <Route path="departments" element={<Lazy><Departments /></Lazy>} />
        <Route path="departments/:id" element={<Lazy><Department /></Lazy>} />
        <Route path="register" element={<Lazy><Register /></Lazy>} />
        <Route path="login" element={<Lazy><Login /></Lazy>} />
        <Route path="reset-password" element={<Lazy><ResetPassword /></Lazy>} />
        <Route path="apply/:itemId" element={<Lazy><Apply /></Lazy>} />
        <Route path="my/cases" element={<Lazy><MyCases /></Lazy>} />
        <Route path="my/cases/:id" element={<Lazy><MyCase /></Lazy>} />
        <Route path="my/inbox" element={<Lazy><MyInbox /></Lazy>} />
        <Route path="my/complaints" element={<Lazy><MyComplaints /></Lazy>} />
        <Route path="my/consultations" element={<Lazy><MyConsultations /></Lazy>} />
        <Route path="my/certificates" element={<Lazy><MyCertificates /></Lazy>} />
        <Route path="my/password" element={<Lazy><ChangePassword /></Lazy>} />
        <Route path="my/notices" element={<Lazy><MyNotices /></Lazy>} />
        <Route path="progress" element={<Lazy><Progress /></Lazy>} />
        <Route path="progress/:code" element={<Lazy><Progress /></Lazy>} />
        <Route path="verify" element={<Lazy><Verify /></Lazy>} />
        <Route path="verify/:certificateNo" element={<Lazy><Verify /></Lazy>} />
        <Route path="*" element={<Lazy><NotFound /></Lazy>} />
      </Route>
    </Routes>
  );
}

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}
