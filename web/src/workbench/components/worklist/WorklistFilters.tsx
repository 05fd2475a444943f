import { stepKinds } from "@cq/contracts";
import { Segmented, Select, Space } from "antd";
import { useTranslation } from "react-i18next";

export type SortMode = "urgency" | "due";

export interface FilterState {
  view: "all" | "mine";
  kind: string;
  itemId: string;
  status: string;
  sort: SortMode;
}

/** Worklist filters: whose (all / signed by me), step kind and item (server side), status, order. */
export function WorklistFilters({
  state,
  set,
  itemOptions,
  statusOptions,
  mineCount,
}: {
  state: FilterState;
  set: (key: keyof FilterState, value: string | undefined) => void;
  itemOptions: { value: string; label: string }[];
  statusOptions: { value: string; label: string }[];
  mineCount: number;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 16 }}>
      <Segmented
        style={{ marginBottom: 12 }}
        value={state.view}
        onChange={(v) => set("view", v === "all" ? undefined : String(v))}
        options={[
          { value: "all", label: t("cw.worklist.viewAll") },
          { value: "mine", label: t("cw.worklist.viewMine", { count: mineCount }) },
        ]}
        aria-label={t("cw.worklist.view")}
      />
      <Space wrap role="search" aria-label={t("items.filters")} style={{ display: "flex" }}>
        <Select
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t("wb.filter.kind")}
          aria-label={t("wb.filter.kind")}
          value={state.kind || undefined}
          options={stepKinds.map((k) => ({ value: k, label: t(`stepKind.${k}`) }))}
          onChange={(v: string | undefined) => set("kind", v)}
        />
        <Select
          style={{ minWidth: 220 }}
          allowClear
          placeholder={t("wb.filter.item")}
          aria-label={t("wb.filter.item")}
          value={state.itemId || undefined}
          options={itemOptions}
          showSearch={{ optionFilterProp: "label" }}
          onChange={(v: string | undefined) => set("itemId", v)}
        />
        <Select
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t("wb.filter.status")}
          aria-label={t("wb.filter.status")}
          value={state.status || undefined}
          options={statusOptions}
          onChange={(v: string | undefined) => set("status", v)}
        />
        <Select
          style={{ minWidth: 170 }}
          aria-label={t("cw.worklist.sort")}
          value={state.sort}
          options={[
            { value: "urgency", label: t("cw.worklist.sortUrgency") },
            { value: "due", label: t("cw.worklist.sortDue") },
          ]}
          onChange={(v: string) => set("sort", v === "urgency" ? undefined : v)}
        />
      </Space>
    </div>
  );
}
