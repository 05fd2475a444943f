import { Empty, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { WorklistRow } from "../../../common/data/worklist.ts";
import { LightTag, StatusTag } from "../../../common/components/StatusTag.tsx";
import { formatDate } from "../../../common/format.ts";
import { TaskStatusTag } from "../casefile/TaskParts.tsx";
import { ClaimButton } from "./ClaimButton.tsx";

export type { WorklistRow };

/** The worklist on a phone: one card per row instead of a table that does not fit. */
export function WorklistCards({ rows, empty, onClaimed }: { rows: WorklistRow[]; empty: string; onClaimed: (text: string) => void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Empty description={empty} />;
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {rows.map((r) => (
        <li key={r.taskId ?? `accept-${r.caseId}`} style={{ borderBottom: "1px solid #f0f0f0", padding: "12px 0" }}>
          <Space size={[6, 4]} wrap>
            {r.light ? <LightTag light={r.light} /> : <Tag>{t("cw.worklist.noLight")}</Tag>}
            {r.taskId ? <TaskStatusTag status={r.status} /> : <StatusTag status={r.status} />}
            {r.claimedByMe && <Tag color="geekblue">{t("cw.worklist.byMe")}</Tag>}
          </Space>
          <div style={{ marginTop: 6 }}>
            <Link to={`/workbench/cases/${r.caseId}`} style={{ fontWeight: 600 }}>{r.itemName}</Link>
            {r.supervisionCode && <div className="supervision-code muted" style={{ fontSize: "0.85em", fontWeight: 400 }}>{r.supervisionCode}</div>}
            {!r.supervisionCode && r.referenceNo && <div className="muted" style={{ fontSize: "0.85em" }}>{t("refNo.label")} <span className="supervision-code" style={{ fontWeight: 400 }}>{r.referenceNo}</span></div>}
          </div>
          <div>{r.name || t(`stepKind.${r.kind}`, { defaultValue: r.kind })} · <span className="muted">{r.department?.name}</span></div>
          <div className="muted">{r.applicantName}{r.dueDate ? ` · ${t("wb.col.dueDate")} ${formatDate(r.dueDate)}` : ""}</div>
          {r.taskId && r.status === "open" && (
            <div style={{ marginTop: 8 }}>
              <ClaimButton taskId={r.taskId} caseId={r.caseId} stepName={r.name} onClaimed={onClaimed} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
