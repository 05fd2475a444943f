import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { isApiError } from "../../common/api/errors.ts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useAdminItems, useCreateItem, type AdminItem, type AdminItemList } from "../../common/data/catalogAdmin.ts";
import { tableLoading } from "../../common/data/tableLoading.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { ItemState } from "./parts.tsx";

/** 事项管理: the items of the caller's departments with the state of their versions (R8, R9). */
export default function CatalogList() {
  const { t } = useTranslation();
  useTitle(t("cat.list.title"));
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [q, setQ] = useState("");
  const [creating, setCreating] = useState(false);
  const items = useAdminItems({ regionCode, departmentId });
  // The filters offer every region and department of the caller's items, whatever is filtered now.
  const everything = useAdminItems();
  const list = useMemo(() => items.data?.items ?? [], [items.data]);
  const creatable = useMemo(() => everything.data?.creatableDepartments ?? [], [everything.data]);

  const regionOptions = useMemo(() => {
    const seen = new Map((everything.data?.items ?? []).map((i) => [i.regionCode, i.regionName]));
    for (const d of creatable) seen.set(d.regionCode, d.regionName);
    return [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([value, label]) => ({ value, label }));
  }, [everything.data, creatable]);
  const departmentOptions = useMemo(() => {
    const seen = new Map((everything.data?.items ?? []).filter((i) => !regionCode || i.regionCode === regionCode).map((i) => [i.department.id, i.department.name]));
    for (const d of creatable) if (!regionCode || d.regionCode === regionCode) seen.set(d.id, d.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [everything.data, creatable, regionCode]);
  const needle = q.trim().toLowerCase();
  const shown = needle ? list.filter((i) => i.name.toLowerCase().includes(needle) || i.code.toLowerCase().includes(needle)) : list;

  const columns: ColumnsType<AdminItem> = [
    { title: t("cat.col.name"), dataIndex: "name", render: (_: unknown, i) => <Link to={`/workbench/catalog/${encodeURIComponent(i.id)}`}>{i.name}</Link> },
    { title: t("cat.col.code"), dataIndex: "code", render: (c: string) => <span className="mono">{c}</span>, responsive: ["md"] },
    { title: t("cat.col.department"), dataIndex: ["department", "name"], responsive: ["lg"] },
    { title: t("cat.col.region"), render: (_: unknown, i) => `${i.regionName} · ${t(`level.${i.level}`)}`, responsive: ["lg"] },
    { title: t("cat.col.state"), render: (_: unknown, i) => <ItemState item={i} /> },
    { title: t("cat.col.promised"), dataIndex: "promisedDays", render: (d: number | null) => (d === null ? "—" : t("cfg.days", { count: d })), responsive: ["md"] },
  ];

  return (
    <WorkbenchPage>
      <PageHeading
        title={t("cat.list.title")}
        subtitle={t("cat.list.subtitle")}
        actions={creatable.length > 0 ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t("cat.create.open")}</Button> : null}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<string>
          aria-label={t("cat.filter.region")}
          placeholder={t("cat.filter.region")}
          allowClear
          style={{ minWidth: 180 }}
          value={regionCode}
          onChange={(v) => { setRegionCode(v); setDepartmentId(undefined); }}
          options={regionOptions}
        />
        <Select<string>
          aria-label={t("cat.filter.department")}
          placeholder={t("cat.filter.department")}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ minWidth: 260 }}
          value={departmentId}
          onChange={setDepartmentId}
          options={departmentOptions}
        />
        <Input aria-label={t("cat.filter.search")} placeholder={t("cat.filter.searchHint")} prefix={<SearchOutlined aria-hidden />} allowClear value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} />
      </Space>
      {items.isError ? (
        <ErrorResult error={items.error} onRetry={() => void items.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : (
        <div role="region" aria-label={t("cat.list.table")}>
          <Table<AdminItem>
            rowKey="id"
            loading={tableLoading(items)}
            columns={columns}
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t("cat.list.empty") }}
            scroll={{ x: "max-content" }}
          />
        </div>
      )}
      {creating && <CreateItemDialog departments={creatable} onClose={() => setCreating(false)} />}
    </WorkbenchPage>
  );
}

type CreateValues = { code?: string; name?: string; departmentId?: string };

const fieldOfCode: Record<string, keyof CreateValues> = { ITEM_EXISTS: "code", ITEM_PLACE_INVALID: "departmentId", DEPARTMENT_UNKNOWN: "departmentId" };

/** 新建事项: code, name and department; the level and region follow from the department. */
function CreateItemDialog({ departments, onClose }: { departments: AdminItemList["creatableDepartments"]; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateItem();
  const [error, setError] = useState<string | null>(null);
  const departmentId = Form.useWatch("departmentId", form);
  const dept = departments.find((d) => d.id === departmentId);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    const chosen = departments.find((d) => d.id === v?.departmentId);
    if (!v || !chosen) return;
    setError(null);
    try {
      const out = await create.mutateAsync({ code: (v.code ?? "").trim(), name: (v.name ?? "").trim(), departmentId: chosen.id, level: chosen.level, regionCode: chosen.regionCode });
      onClose();
      navigate(`/workbench/catalog/${encodeURIComponent(out.id)}`);
    } catch (e) {
      const field = isApiError(e) ? fieldOfCode[e.code] : undefined;
      const text = e instanceof Error ? e.message : String(e);
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else setError(text);
    }
  };

  return (
    <Modal open title={t("cat.create.title")} onCancel={onClose} onOk={() => void submit()} okText={t("cat.create.ok")} cancelText={t("cat.cancel")} confirmLoading={create.isPending} destroyOnHidden>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark onFinish={() => void submit()} initialValues={{ departmentId: departments.length === 1 ? departments[0]?.id : undefined }}>
        <Form.Item name="departmentId" label={t("cat.create.department")} rules={[{ required: true, message: t("cat.create.departmentRequired") }]}>
          <Select<string> showSearch={{ optionFilterProp: "label" }} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item label={t("cat.create.place")}>
          <Typography.Text>{dept ? `${dept.regionName} · ${t(`level.${dept.level}`)}` : t("cat.create.placeHint")}</Typography.Text>
        </Form.Item>
        <Form.Item name="code" label={t("cat.create.code")} extra={t("cat.create.codeHint")} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/, message: t("cat.create.codeInvalid") }]}>
          <Input className="mono" maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t("cat.create.name")} rules={[{ required: true, min: 2, whitespace: true, message: t("cat.create.nameRequired") }]}>
          <Input maxLength={80} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
