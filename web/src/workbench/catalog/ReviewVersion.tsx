import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, EyeOutlined } from "@ant-design/icons";
import { Alert, App, Button, Descriptions, Form, Input, Modal, Skeleton, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { useAnswerAgreement, useApproveVersion, useRejectVersion, useVersion, type VersionDetail } from "../../common/data/catalogAdmin.ts";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { Agreements } from "./Agreements.tsx";
import { GuideDiff } from "./GuideDiff.tsx";
import { VersionStatusTag } from "./parts.tsx";
import { VersionPreview } from "./VersionPreview.tsx";

type Dialog = { kind: "reject" } | { kind: "agree" | "disagree"; departmentId: string } | null;

/** The review of a submitted version: its changes against the version in effect first, then the decision the caller's abilities allow. */
export default function ReviewVersion() {
  const { t } = useTranslation();
  const { versionId = "" } = useParams();
  const [search] = useSearchParams();
  const version = useVersion(versionId);
  const v = version.data;
  useTitle(v ? t("cat.review.pageTitle", { name: v.item.name, version: v.number }) : t("cat.inbox.title"));
  const [previewing, setPreviewing] = useState(false);

  if (version.isError)
    return (
      <WorkbenchPage>
        <ErrorResult error={version.error} onRetry={() => void version.refetch()} homePath="/workbench/approvals" loginPath="/workbench/login" />
      </WorkbenchPage>
    );
  if (!v)
    return (
      <WorkbenchPage>
        <Skeleton active paragraph={{ rows: 12 }} />
      </WorkbenchPage>
    );
  const askedFor = search.get("for");
  return (
    <WorkbenchPage wide>
      <PageHeading
        title={t("cat.review.heading", { name: v.item.name, version: v.number })}
        subtitle={v.item.department.name}
        actions={
          <Space wrap>
            <LinkButton to="/workbench/approvals" icon={<ArrowLeftOutlined aria-hidden />}>{t("cat.review.back")}</LinkButton>
            <Button icon={<EyeOutlined aria-hidden />} onClick={() => setPreviewing(true)}>{t("cat.preview.open")}</Button>
          </Space>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: "status", label: t("cat.version.status"), children: <VersionStatusTag status={v.status} /> },
          { key: "effective", label: t("cat.version.effectiveFrom"), children: v.effectiveFrom ? formatDate(v.effectiveFrom) : t("cat.version.onApproval") },
          { key: "written", label: t("cat.version.written"), children: `${v.createdBy ?? "—"} · ${formatDateTime(v.createdAt)}` },
          { key: "submitted", label: t("cat.version.submitted"), children: v.submittedAt ? `${v.submittedBy ?? "—"} · ${formatDateTime(v.submittedAt)}` : "—" },
        ]}
      />
      <Decision v={v} askedFor={askedFor} />
      <Section title={t("cat.review.changes")}>
        <Agreements agreements={v.agreements} />
        <GuideDiff diff={v.diff} comparedWith={v.comparedWith} departments={v.departments} />
      </Section>
      {previewing && <VersionPreview versionId={v.id} title={t("cat.preview.title", { name: v.item.name, version: v.number })} onClose={() => setPreviewing(false)} />}
    </WorkbenchPage>
  );
}

/** The buttons the caller's abilities allow, the two-person rule said plainly, and the dialogs. */
function Decision({ v, askedFor }: { v: VersionDetail; askedFor: string | null }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const approve = useApproveVersion();
  const reject = useRejectVersion();
  const answer = useAnswerAgreement();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const agreeFor = askedFor && v.abilities.agreeFor.includes(askedFor) ? [askedFor] : v.abilities.agreeFor;
  const nameOf = (id: string) => v.agreements.find((a) => a.department.id === id)?.department.name ?? v.departments.find((d) => d.id === id)?.name ?? "";
  const waiting = v.agreements.filter((a) => a.status !== "agreed");
  const nothing = !v.abilities.approve && !v.abilities.reject && agreeFor.length === 0;

  const done = (text: string) => {
    void message.success(text);
    navigate("/workbench/approvals");
  };
  const confirmApprove = () =>
    modal.confirm({
      title: t("cat.review.confirmApprove", { name: v.item.name, version: v.number }),
      content: v.effectiveFrom ? t("cat.review.approveDated", { date: formatDate(v.effectiveFrom) }) : t("cat.review.approveNow"),
      okText: t("cat.review.approve"),
      cancelText: t("cat.cancel"),
      onOk: async () => {
        setError(null);
        try {
          const out = await approve.mutateAsync(v.id);
          done(out.status === "scheduled" ? t("cat.review.scheduled") : t("cat.review.published"));
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
      },
    });

  return (
    <div style={{ marginBottom: 16 }}>
      {v.status === "pending" && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("cat.review.twoPerson", { name: v.submittedBy ?? "—" })}
          description={waiting.length > 0 ? t("cat.review.waitingAgreement", { departments: waiting.map((a) => a.department.name).join("、") }) : undefined}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={error} />}
      {nothing ? (
        <Alert type="warning" showIcon title={v.status === "pending" ? t("cat.review.nothingForYou") : t("cat.review.decided")} />
      ) : (
        <Space wrap>
          {v.abilities.approve && (
            <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={approve.isPending} onClick={confirmApprove}>{t("cat.review.approve")}</Button>
          )}
          {v.abilities.reject && (
            <Button danger icon={<CloseOutlined aria-hidden />} onClick={() => setDialog({ kind: "reject" })}>{t("cat.review.reject")}</Button>
          )}
          {agreeFor.map((d) => (
            <Space key={d} wrap>
              <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDialog({ kind: "agree", departmentId: d })}>{t("cat.review.agreeFor", { department: nameOf(d) })}</Button>
              <Button danger icon={<CloseOutlined aria-hidden />} onClick={() => setDialog({ kind: "disagree", departmentId: d })}>{t("cat.review.disagreeFor", { department: nameOf(d) })}</Button>
            </Space>
          ))}
        </Space>
      )}
      {dialog && (
        <NoteDialog
          title={dialog.kind === "reject" ? t("cat.review.rejectTitle", { name: v.item.name }) : t(dialog.kind === "agree" ? "cat.review.agreeTitle" : "cat.review.disagreeTitle", { department: nameOf(dialog.departmentId) })}
          label={dialog.kind === "reject" ? t("cat.review.reason") : t("cat.review.note")}
          required={dialog.kind !== "agree"}
          okText={dialog.kind === "reject" ? t("cat.review.reject") : dialog.kind === "agree" ? t("cat.review.agree") : t("cat.review.disagree")}
          danger={dialog.kind !== "agree"}
          onClose={() => setDialog(null)}
          onOk={async (note) => {
            if (dialog.kind === "reject") {
              await reject.mutateAsync({ id: v.id, reason: note });
              done(t("cat.review.rejected"));
            } else {
              await answer.mutateAsync({ id: v.id, departmentId: dialog.departmentId, decision: dialog.kind === "agree" ? "agreed" : "rejected", ...(note ? { note } : {}) });
              done(dialog.kind === "agree" ? t("cat.review.agreed") : t("cat.review.disagreed"));
            }
          }}
        />
      )}
    </div>
  );
}

function NoteDialog({ title, label, required, okText, danger, onClose, onOk }: {
  title: string;
  label: string;
  required: boolean;
  okText: string;
  danger: boolean;
  onClose: () => void;
  onOk: (note: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await onOk((v.note ?? "").trim());
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} okText={okText} okButtonProps={{ danger }} cancelText={t("cat.cancel")} confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="note" label={label} rules={required ? [{ required: true, min: 2, whitespace: true, message: t("cat.review.noteRequired") }] : []}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
