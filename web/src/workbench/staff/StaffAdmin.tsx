import { ReloadOutlined, SearchOutlined, UserAddOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { useDebounced } from "../config/useDebounced.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { useRefreshStaff, useStaffChanges, useStaffList, type ScopeDepartment, type StaffRoleGrant, type StaffMember } from "../../common/data/staff.ts";
import { tableLoading } from "../../common/data/tableLoading.ts";
import { CreateStaffModal } from "./ChangeForms.tsx";
import { roleName, roleScope, sortRoles } from "./model.ts";
import { AccountTag, PendingTag, TrainingTag, useDialog, useNames, useTranslate } from "./parts.tsx";
import { PendingChanges } from "./PendingChanges.tsx";
import { StaffDrawer } from "./StaffDrawer.tsx";
import "./staff.css";

type TabKey = "staff" | "pending";

/** 人员与角色: staff, roles and training records; every change is a request another person approves (R14, R16, R17). */
export default function StaffAdmin() {
  const { t } = useTranslation();
  useTitle(t("sa.title"));
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get("tab") === "pending" ? "pending" : "staff";
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim(), 300);
  const list = useStaffList({ departmentId, q: query });
  const pending = useStaffChanges("pending");
  const refresh = useRefreshStaff();
  const drawer = useDialog<string>();
  const creating = useDialog<true>();
  const canRequest = list.data?.canRequest ?? false;
  const departments = list.data?.departments ?? [];
  const pendingCount = pending.data?.items.length ?? 0;

  const setTab = (key: TabKey) => {
    const next = new URLSearchParams(params);
    if (key === "staff") next.delete("tab");
    else next.set("tab", key);
    setParams(next, { replace: true });
  };

  return (
    <WorkbenchPage wide>
      <PageHeading
        title={t("sa.title")}
        subtitle={t("sa.subtitle")}
        actions={
          <Space wrap>
            {canRequest && (
              <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => creating.show(true)}>
                {t("sa.create.button")}
              </Button>
            )}
            <Button icon={<ReloadOutlined aria-hidden />} loading={list.isFetching || pending.isFetching} onClick={() => void refresh()}>
              {t("common.refresh")}
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        aria-label={t("sa.tabs.label")}
        items={[
          {
            key: "staff",
            label: t("sa.tabs.staff"),
            children: (
              <StaffListCard
                list={list}
                departments={departments}
                departmentId={departmentId}
                onDepartment={setDepartmentId}
                q={q}
                onQ={setQ}
                filtered={Boolean(departmentId || query)}
                onOpen={drawer.show}
              />
            ),
          },
          {
            key: "pending",
            label: pendingCount > 0 ? t("sa.tabs.pendingCount", { count: pendingCount }) : t("sa.tabs.pending"),
            children: <PendingChanges departments={departments} />,
          },
        ]}
      />
      {drawer.value && (
        <StaffDrawer
          key={drawer.value}
          staffId={drawer.value}
          canRequest={canRequest}
          departments={departments}
          open={drawer.open}
          onClose={drawer.hide}
          afterClose={drawer.afterClose}
          onShowPending={() => {
            drawer.hide();
            setTab("pending");
          }}
        />
      )}
      {creating.value && (
        <CreateStaffModal
          departments={departments}
          defaultDepartmentId={departmentId}
          open={creating.open}
          onClose={creating.hide}
          afterClose={creating.afterClose}
        />
      )}
    </WorkbenchPage>
  );
}

function StaffListCard({
  list,
  departments,
  departmentId,
  onDepartment,
  q,
  onQ,
  filtered,
  onOpen,
}: {
  list: ReturnType<typeof useStaffList>;
  departments: ScopeDepartment[];
  departmentId: string | undefined;
  onDepartment: (id: string | undefined) => void;
  q: string;
  onQ: (q: string) => void;
  filtered: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const tr = useTranslate();
  const names = useNames(departments);
  const items = list.data?.items ?? [];
  const nameId = (s: StaffMember) => `sa-staff-${s.id}`;

  const roleTag = (s: StaffMember, r: StaffRoleGrant) => {
    const scope = roleScope(tr, r, names, s.department?.name);
    // The scope is said only when it is not simply the member's own department.
    const own = r.departmentId && r.departmentId === s.department?.id;
    return (
      <Tag key={r.id} color="blue" className="sa-role">
        {roleName(tr, r.role)}
        {!own && scope !== "—" && <span className="sa-role-scope">（{scope}）</span>}
      </Tag>
    );
  };

  const columns: TableColumnsType<StaffMember> = [
    {
      title: t("sa.list.name"),
      dataIndex: "name",
      render: (_: unknown, s) => (
        <Space size={[6, 4]} wrap>
          <Button type="link" className="sa-name-link" id={nameId(s)} aria-haspopup="dialog" onClick={() => onOpen(s.id)}>
            {s.name}
          </Button>
          {s.pendingChangeId && <PendingTag />}
        </Space>
      ),
    },
    { title: t("sa.list.username"), dataIndex: "username", render: (v: string) => <span className="mono">{v}</span> },
    { title: t("sa.list.department"), dataIndex: ["department", "name"], render: (v: string | undefined) => v ?? "—", responsive: ["md"] },
    {
      title: t("sa.list.roles"),
      key: "roles",
      render: (_: unknown, s) =>
        s.roles.length ? (
          <div className="sa-roles">{sortRoles(s.roles).map((r) => roleTag(s, r))}</div>
        ) : (
          <span className="muted">{t("sa.list.noRoles")}</span>
        ),
    },
    { title: t("sa.list.training"), key: "training", render: (_: unknown, s) => <TrainingTag staff={s} /> },
    { title: t("sa.list.account"), dataIndex: "disabled", render: (v: boolean) => <AccountTag disabled={v} /> },
  ];

  return (
    <Card>
      <Form layout="vertical" component="div" className="filter-bar" role="search" aria-label={t("sa.filter.label")} style={{ marginBottom: 16 }}>
        <Form.Item label={t("sa.filter.department")} htmlFor="sa-filter-department">
          <Select<string>
            id="sa-filter-department"
            allowClear
            placeholder={t("sa.filter.allDepartments")}
            value={departmentId}
            onChange={(v) => onDepartment(v || undefined)}
            showSearch={{ optionFilterProp: "label" }}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            style={{ minWidth: 260 }}
          />
        </Form.Item>
        <Form.Item label={t("sa.filter.search")} htmlFor="sa-filter-q">
          <Input
            id="sa-filter-q"
            type="search"
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t("sa.filter.searchPlaceholder")}
            value={q}
            maxLength={40}
            onChange={(e) => onQ(e.target.value)}
            style={{ minWidth: 220 }}
          />
        </Form.Item>
        {list.data && (
          <Typography.Text type="secondary" role="status" style={{ paddingBottom: 6 }}>
            {t("sa.list.total", { count: items.length })}
          </Typography.Text>
        )}
      </Form>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : (
        <Table<StaffMember>
          rowKey="id"
          aria-label={t("sa.list.tableLabel")}
          columns={columns}
          dataSource={items}
          loading={tableLoading(list)}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: <span className="muted">{t(filtered ? "sa.list.emptyFiltered" : "sa.list.empty")}</span> }}
          onRow={(s) => ({
            className: "sa-row",
            // A click anywhere on the row opens it too (the name is the keyboard's way in).
            onClick: (e) => {
              if (!(e.target as HTMLElement).closest("button, a, input")) onOpen(s.id);
            },
          })}
        />
      )}
    </Card>
  );
}
