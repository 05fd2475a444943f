import { ApartmentOutlined, BankOutlined, EnvironmentOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, ConfigProvider, Empty, Space, Spin, Table, Tag, Tree, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  useAdminDepartments, useAdminHalls, useAdminRegions, useUpdateDepartment, useUpdateHall, type AdminDepartment, type AdminHall, type AdminRegion,
} from "../../common/data/organization.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { DepartmentDialog, HallDialog, RegionDialog } from "./Dialogs.tsx";
import { counterpartOptions, organizationTree, type OrgNode } from "./model.ts";

type Dialog =
  | { kind: "region"; parent: AdminRegion | null }
  | { kind: "department"; department: AdminDepartment | null }
  | { kind: "hall"; hall: AdminHall | null };

const icons = { region: <EnvironmentOutlined />, department: <ApartmentOutlined />, hall: <BankOutlined /> };

/** 组织机构: the regions in the caller's scope as a tree, with their departments and service halls (R14). */
export default function Organization() {
  const { t } = useTranslation();
  useTitle(t("org.title"));
  const { modal, message } = App.useApp();
  const regions = useAdminRegions();
  const departments = useAdminDepartments();
  const halls = useAdminHalls();
  const updateDepartment = useUpdateDepartment();
  const updateHall = useUpdateHall();
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const regionList = useMemo(() => regions.data?.items ?? [], [regions.data]);
  const deptList = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const hallList = useMemo(() => halls.data?.items ?? [], [halls.data]);
  const tree = useMemo(() => organizationTree(regionList, deptList, hallList), [regionList, deptList, hallList]);
  const regionCode = selected ?? tree[0]?.regionCode ?? null;
  const region = regionList.find((r) => r.code === regionCode) ?? null;

  const toTreeData = (nodes: OrgNode[]): object[] =>
    nodes.map((n) => ({
      key: n.key,
      icon: icons[n.kind],
      title: (
        <span>
          <span className="org-node-name">{n.name}</span>
          {n.level ? <Tag style={{ marginInlineStart: 8 }}>{t(`org.level.${n.level}`)}</Tag> : null}
          {n.disabled ? <Tag color="default">{t("org.disabled")}</Tag> : null}
        </span>
      ),
      children: toTreeData(n.children),
    }));

  const toggle = (what: "department" | "hall", row: AdminDepartment | AdminHall) => {
    const disabling = !row.disabled;
    const run = async () => {
      setRefusal(null);
      try {
        if (what === "department") await updateDepartment.mutateAsync({ id: row.id, disabled: disabling });
        else await updateHall.mutateAsync({ id: row.id, disabled: disabling });
        void message.success(t(disabling ? "org.done.disabled" : "org.done.enabled"));
      } catch (e) {
        setRefusal(e instanceof Error ? e.message : String(e));
      }
    };
    if (!disabling) return void run();
    modal.confirm({
      title: t(what === "department" ? "org.confirm.disableDepartment" : "org.confirm.disableHall", { name: row.name }),
      okText: t("org.actions.disable"),
      okButtonProps: { danger: true },
      cancelText: t("org.actions.cancel"),
      onOk: run,
    });
  };

  const status = (disabled: boolean) => (disabled ? <Tag>{t("org.disabled")}</Tag> : <Tag color="green">{t("org.active")}</Tag>);
  const text = (v: string) => v || <Typography.Text type="secondary">{t("org.none")}</Typography.Text>;

  const deptColumns: ColumnsType<AdminDepartment> = [
    { title: t("org.field.name"), dataIndex: "name" },
    { title: t("org.field.shortName"), dataIndex: "shortName" },
    { title: t("org.field.phone"), dataIndex: "phone", render: text },
    { title: t("org.field.address"), dataIndex: "address", render: text },
    { title: t("org.departments.counterpart"), key: "counterpart", render: (_, d) => d.counterpart?.name ?? text("") },
    { title: t("org.field.status"), key: "status", render: (_, d) => status(d.disabled) },
    {
      title: <span className="sr-only">{t("org.field.actions")}</span>,
      key: "actions",
      render: (_, d) => (
        <Space>
          {d.abilities.editContact ? (
            <Button size="small" onClick={() => setDialog({ kind: "department", department: d })} aria-label={`${t("org.actions.edit")} ${d.name}`}>
              {t("org.actions.edit")}
            </Button>
          ) : null}
          {d.abilities.manage ? (
            <Button size="small" danger={!d.disabled} onClick={() => toggle("department", d)} aria-label={`${t(d.disabled ? "org.actions.enable" : "org.actions.disable")} ${d.name}`}>
              {t(d.disabled ? "org.actions.enable" : "org.actions.disable")}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const hallColumns: ColumnsType<AdminHall> = [
    { title: t("org.field.name"), dataIndex: "name" },
    { title: t("org.field.address"), dataIndex: "address" },
    { title: t("org.field.phone"), dataIndex: "phone", render: text },
    { title: t("org.field.openingHours"), dataIndex: "openingHours", render: text },
    { title: t("org.field.status"), key: "status", render: (_, h) => status(h.disabled) },
    {
      title: <span className="sr-only">{t("org.field.actions")}</span>,
      key: "actions",
      render: (_, h) =>
        h.abilities.edit ? (
          <Space>
            <Button size="small" onClick={() => setDialog({ kind: "hall", hall: h })} aria-label={`${t("org.actions.edit")} ${h.name}`}>
              {t("org.actions.edit")}
            </Button>
            <Button size="small" danger={!h.disabled} onClick={() => toggle("hall", h)} aria-label={`${t(h.disabled ? "org.actions.enable" : "org.actions.disable")} ${h.name}`}>
              {t(h.disabled ? "org.actions.enable" : "org.actions.disable")}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const error = regions.error ?? departments.error ?? halls.error;
  // Without antd's space between two Chinese characters, a button's name is its word (编辑, 停用), as the other configuration pages.
  return (
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <div className="wb-page">
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t("org.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("org.subtitle")}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon role="alert" title={error.message} /> : null}
        {refusal ? <Alert type="error" showIcon role="alert" title={refusal} closable={{ onClose: () => setRefusal(null) }} style={{ marginBottom: 12 }} /> : null}
        <div style={{ display: "flex", gap: 16, flexWrap: "wrap", alignItems: "flex-start" }}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("org.treeLabel")}</h2>}
            style={{ flex: "1 1 280px", maxWidth: 420 }}
            extra={
              regions.data?.createCity ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: "region", parent: null })}>
                  {t("org.actions.addCity")}
                </Button>
              ) : null
            }
          >
            {regions.isLoading ? (
              <Spin />
            ) : (
              <Tree
                aria-label={t("org.treeLabel")}
                showIcon
                defaultExpandAll
                key={`${regionList.length}-${deptList.length}-${hallList.length}`}
                treeData={toTreeData(tree) as never}
                selectedKeys={regionCode ? [`r:${regionCode}`] : []}
                onSelect={(_, info) => setSelected(nodeRegion(tree, String(info.node.key)) ?? regionCode)}
              />
            )}
          </Card>
          <div style={{ flex: "3 1 480px", minWidth: 0 }}>
            {region ? (
              <Space direction="vertical" size="middle" style={{ width: "100%" }}>
                <Card
                  title={<h2 style={{ fontSize: 18, margin: 0 }}>{region.name}</h2>}
                  extra={
                    <Space wrap>
                      <Typography.Text type="secondary">
                        {t(`org.level.${region.level}`)} · {t("org.regionCode", { code: region.code })}
                      </Typography.Text>
                      {region.abilities.createChild ? (
                        <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: "region", parent: region })}>
                          {t("org.actions.addChild")}
                        </Button>
                      ) : null}
                    </Space>
                  }
                >
                  <ListSection
                    id="org-departments"
                    title={t("org.departments.title")}
                    add={region.abilities.createDepartment ? { label: t("org.actions.addDepartment"), onClick: () => setDialog({ kind: "department", department: null }) } : null}
                    label={t("org.departments.tableLabel", { region: region.name })}
                    empty={t("org.departments.empty")}
                    columns={deptColumns}
                    rows={deptList.filter((d) => d.regionCode === region.code)}
                  />
                  <ListSection
                    id="org-halls"
                    title={t("org.halls.title")}
                    add={region.abilities.createHall ? { label: t("org.actions.addHall"), onClick: () => setDialog({ kind: "hall", hall: null }) } : null}
                    label={t("org.halls.tableLabel", { region: region.name })}
                    empty={t("org.halls.empty")}
                    columns={hallColumns}
                    rows={hallList.filter((h) => h.regionCode === region.code)}
                  />
                </Card>
              </Space>
            ) : regions.isLoading ? null : (
              <Empty description={t("org.chooseRegion")} />
            )}
          </div>
        </div>
        {dialog?.kind === "region" ? <RegionDialog parent={dialog.parent} onClose={() => setDialog(null)} /> : null}
        {dialog?.kind === "department" && region ? (
          <DepartmentDialog
            region={region}
            department={dialog.department}
            counterparts={dialog.department ? counterpartOptions(regionList, deptList, dialog.department) : []}
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog?.kind === "hall" && region ? <HallDialog region={region} hall={dialog.hall} onClose={() => setDialog(null)} /> : null}
      </div>
    </ConfigProvider>
  );
}

/** The region a tree node stands for (a department's or hall's own region). */
function nodeRegion(nodes: OrgNode[], key: string): string | null {
  for (const n of nodes) {
    if (n.key === key) return n.regionCode;
    const inner = nodeRegion(n.children, key);
    if (inner) return inner;
  }
  return null;
}

/** A region's departments or halls: a heading, the add button when allowed, the table. */
function ListSection<T extends { id: string }>({
  id, title, add, label, empty, columns, rows,
}: {
  id: string;
  title: string;
  add: { label: string; onClick: () => void } | null;
  label: string;
  empty: string;
  columns: ColumnsType<T>;
  rows: T[];
}) {
  return (
    <section aria-labelledby={id} style={{ marginBottom: 24 }}>
      <Space style={{ justifyContent: "space-between", width: "100%" }}>
        <h3 id={id} style={{ fontSize: 16 }}>{title}</h3>
        {add ? (
          <Button icon={<PlusOutlined />} onClick={add.onClick}>
            {add.label}
          </Button>
        ) : null}
      </Space>
      <Table<T>
        aria-label={label}
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: <Empty description={empty} /> }}
      />
    </section>
  );
}
