import { Card, Empty, Skeleton, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { useScrollToHash } from "../../common/hooks/useScrollToHash.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { useDepartments, useRegions } from "../../common/data/catalog.ts";
import { groupByRegion } from "../departments/model.ts";
import { DepartmentCard } from "../departments/parts.tsx";
import "../departments/departments.css";

/** 部门与区县: every department, grouped by region (市级部门 first, then each district), each linking to its page. */
export default function Departments() {
  const { t } = useTranslation();
  useTitle(t("dept.list.title"));
  const departments = useDepartments();
  const regions = useRegions();
  const loading = departments.isLoading || regions.isLoading;
  // Without the region list the departments still group by their own region names.
  const groups = useMemo(() => groupByRegion(departments.data?.items ?? [], regions.data?.items ?? []), [departments.data, regions.data]);
  const groupName = (g: (typeof groups)[number]) => (g.city ? t("dept.list.city") : g.name);
  useScrollToHash(!loading && groups.length > 0);

  return (
    <div className="container page">
      <PageHeading title={t("dept.list.title")} subtitle={t("dept.list.subtitle")} />
      {departments.isError ? (
        <ErrorResult error={departments.error} onRetry={() => void departments.refetch()} />
      ) : loading ? (
        <Card className="section-card"><Skeleton active paragraph={{ rows: 8 }} /></Card>
      ) : groups.length === 0 ? (
        <Card className="section-card"><Empty description={t("dept.list.empty")} /></Card>
      ) : (
        <>
          {groups.length > 1 && (
            <nav className="dept-jump" aria-label={t("dept.list.jump")}>
              <Typography.Text type="secondary" aria-hidden="true">{t("dept.list.jumpLabel")}</Typography.Text>
              {groups.map((g) => (
                <a key={g.regionCode} href={`#region-${g.regionCode}`}>{groupName(g)}</a>
              ))}
            </nav>
          )}
          {groups.map((g) => (
            <Section
              key={g.regionCode}
              id={`region-${g.regionCode}`}
              className="section-card dept-group"
              title={groupName(g)}
              extra={<span className="muted">{t("dept.list.count", { count: g.departments.length })}</span>}
            >
              <ul className="dept-grid">
                {g.departments.map((d) => (
                  <li key={d.id}>
                    <DepartmentCard department={d} />
                  </li>
                ))}
              </ul>
            </Section>
          ))}
        </>
      )}
    </div>
  );
}
