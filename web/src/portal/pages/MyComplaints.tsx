import { Card, Descriptions, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import type { Complaint } from "@cq/contracts";
import { byUrgency } from "../../common/engagement/model.ts";
import { ComplaintKindTag, ComplaintReply, ComplaintStatusTag, OverdueTag } from "../../common/engagement/parts.tsx";
import { formatDate } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { ComplaintFormModal } from "../components/ComplaintForm.tsx";
import { RequireApplicant } from "../RequireApplicant.tsx";
import { MyRecordsPage } from "../components/MyRecordsPage.tsx";
import "../portal.css";
import { useMyComplaints } from "../../common/data/engagement.ts";

/** Open ones first (overdue, then the nearest reply date), then the answered, newest first. */
function ordered(items: Complaint[]): Complaint[] {
  const open = items.filter((c) => c.status !== "replied").sort(byUrgency);
  const replied = items.filter((c) => c.status === "replied").sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...open, ...replied];
}

function ComplaintCard({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const headingId = `complaint-${c.id}`;
  // A work order from a dissatisfied rating: the comment, about the department that handled the case.
  const workOrder = c.kind === "evaluation";
  return (
    <Card
      className="section-card eng-complaint-card"
      title={
        <h2 className="section-title" id={headingId} style={{ whiteSpace: "normal" }}>
          {c.subject}
        </h2>
      }
      extra={
        <Space size={4} wrap>
          <ComplaintKindTag kind={c.kind} />
          <ComplaintStatusTag status={c.status} />
          {c.overdue && <OverdueTag />}
        </Space>
      }
      aria-labelledby={headingId}
      role="article"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: "dept", label: t(workOrder ? "eng.cmp.handlingDepartment" : "eng.cmp.department"), children: c.department.name },
          ...(c.caseId
            ? [
                {
                  key: "case",
                  label: t("eng.cmp.case"),
                  children: (
                    <Link to={`/my/cases/${encodeURIComponent(c.caseId)}`}>
                      <span className="supervision-code">{c.supervisionCode || t("eng.cmp.form.noCode")}</span>
                    </Link>
                  ),
                },
              ]
            : []),
          { key: "filed", label: t("eng.cmp.filedAt"), children: formatDate(c.createdAt) },
          { key: "due", label: t("eng.cmp.replyDue"), children: formatDate(c.replyDueDate) },
        ]}
      />
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>{t(workOrder ? "eng.cmp.evaluationContent" : "eng.cmp.content")}</Typography.Paragraph>
      <div className="prose">{c.text}</div>
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>{t("eng.cmp.reply")}</Typography.Paragraph>
      {c.reply ? (
        <ComplaintReply reply={c.reply} />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t(c.overdue ? "eng.cmp.waitingLate" : "eng.cmp.waiting", { date: formatDate(c.replyDueDate) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function MyComplaintsPage() {
  const { t } = useTranslation();
  useTitle(t("eng.cmp.title"));
  const [params, setParams] = useSearchParams();
  // /my/complaints?new=1 opens the form; &case=<id> prefills the case.
  const prefillCase = params.get("case") ?? undefined;
  const formOpen = params.has("new") || Boolean(prefillCase);
  const setFormOpen = (open: boolean) => {
    const next = new URLSearchParams(params);
    next.delete("case");
    if (open) next.set("new", "1");
    else next.delete("new");
    setParams(next, { replace: true });
  };

  const query = useMyComplaints();
  const list = ordered(query.data?.items ?? []);

  return (
    <MyRecordsPage
      title={t("eng.cmp.title")}
      subtitle={t("eng.cmp.subtitle")}
      newLabel={t("eng.cmp.new")}
      emptyText={t("eng.cmp.empty")}
      query={query}
      items={list}
      card={(c) => <ComplaintCard key={c.id} complaint={c} />}
      onNew={() => setFormOpen(true)}
      form={formOpen && <ComplaintFormModal caseId={prefillCase} onClose={() => setFormOpen(false)} />}
    />
  );
}

/** 我的投诉: the applicant's complaints and the work orders of their dissatisfied ratings, with the replies. */
export default function MyComplaints() {
  return (
    <RequireApplicant>
      <MyComplaintsPage />
    </RequireApplicant>
  );
}
