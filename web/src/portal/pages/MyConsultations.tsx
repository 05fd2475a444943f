import { Card, Descriptions, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import type { Consultation } from "@cq/contracts";
import { ConsultationAnswer, ConsultationKindTag, ConsultationStatus } from "../../common/consult/parts.tsx";
import { useMyConsultations } from "../../common/data/consultations.ts";
import { formatDate } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { ConsultationFormModal } from "../components/ConsultationForm.tsx";
import { RequireApplicant } from "../RequireApplicant.tsx";
import { MyRecordsPage } from "../components/MyRecordsPage.tsx";
import "../portal.css";

function ConsultationCard({ c }: { c: Consultation }) {
  const { t } = useTranslation();
  const headingId = `consultation-${c.id}`;
  return (
    <Card
      className="section-card eng-complaint-card"
      title={<h2 className="section-title" id={headingId} style={{ whiteSpace: "normal" }}>{c.subject}</h2>}
      extra={
        <Space size={4} wrap>
          <ConsultationKindTag kind={c.kind} />
          <ConsultationStatus c={c} />
        </Space>
      }
      aria-labelledby={headingId}
      role="article"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          ...(c.item ? [{ key: "item", label: t("cst.item"), children: <Link to={`/items/${encodeURIComponent(c.item.id)}`}>{c.item.name}</Link> }] : []),
          ...(c.caseId
            ? [{ key: "case", label: t("cst.case"), children: <Link to={`/my/cases/${encodeURIComponent(c.caseId)}`}><span className="supervision-code">{c.supervisionCode || t("cst.noCode")}</span></Link> }]
            : []),
          { key: "dept", label: t("cst.department"), children: c.department.name },
          { key: "assignee", label: t("cst.assignee"), children: c.assignee.name },
          { key: "asked", label: t("cst.askedAt"), children: formatDate(c.createdAt) },
          { key: "due", label: t("cst.replyDue"), children: formatDate(c.replyDueDate) },
        ]}
      />
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>{t("cst.content")}</Typography.Paragraph>
      <div className="prose">{c.text}</div>
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>{t("cst.reply")}</Typography.Paragraph>
      {c.reply ? (
        <ConsultationAnswer reply={c.reply} />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {c.overdue ? t("cst.waitingLate", { date: formatDate(c.replyDueDate) }) : t("cst.waiting", { name: c.assignee.name, date: formatDate(c.replyDueDate) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function MyConsultationsPage() {
  const { t } = useTranslation();
  useTitle(t("cst.title"));
  const [params, setParams] = useSearchParams();
  // /my/consultations?new=1 opens the form; &item=<id>&itemName=…, &case=<id> or &department=<id> prefill what it is about.
  const itemId = params.get("item");
  const item = itemId ? { id: itemId, name: params.get("itemName") ?? "" } : undefined;
  const caseId = params.get("case") ?? undefined;
  const departmentId = params.get("department") ?? undefined;
  const formOpen = params.has("new") || !!item || !!caseId || !!departmentId;
  const setFormOpen = (open: boolean) => setParams(open ? { new: "1" } : {}, { replace: true });
  const query = useMyConsultations();
  const list = query.data?.items ?? [];
  return (
    <MyRecordsPage
      title={t("cst.title")}
      subtitle={t("cst.subtitle")}
      newLabel={t("cst.ask")}
      emptyText={t("cst.empty")}
      query={query}
      items={list}
      card={(c) => <ConsultationCard key={c.id} c={c} />}
      onNew={() => setFormOpen(true)}
      form={formOpen && <ConsultationFormModal item={item} caseId={caseId} departmentId={departmentId} onClose={() => setFormOpen(false)} />}
    />
  );
}

/** 我的咨询: the applicant's questions and suggestions, who handles them, and the answers by name (R33). */
export default function MyConsultations() {
  return (
    <RequireApplicant>
      <MyConsultationsPage />
    </RequireApplicant>
  );
}
