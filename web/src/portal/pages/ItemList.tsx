import { Button, Card, Col, Empty, Input, Row, Segmented, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { useDepartments, useItems, useRegions, type ItemFilters, type ApplicantType, type ItemSummary } from "../../common/data/catalog.ts";
import { LinkButton } from "../../common/components/LinkButton.tsx";

function ItemRow({ item }: { item: ItemSummary }) {
  const { t } = useTranslation();
  return (
    <li className="item-row">
      <div style={{ minWidth: 0 }}>
        <h2 className="item-title">
          <Link to={`/items/${item.id}`}>{item.name}</Link>
        </h2>
        <div className="item-meta">
          <span>{t("items.department")}：{item.department.name}</span>
          {item.regionName && <span>{t("items.region")}：{item.regionName}</span>}
        </div>
        <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
          <Tag>{t(`level.${item.level}`)}</Tag>
          {(item.applicantTypes ?? []).map((a) => <Tag key={a}>{t(`applicantType.${a}`)}</Tag>)}
          {item.multiDepartment && <Tag color="blue">{t("items.multiDepartment")}</Tag>}
          {item.offlineOnly && <Tag color="orange">{t("items.offlineOnly")}</Tag>}
          <Tag className="tag-promised">{t("items.promised", { days: item.promisedDays })}</Tag>
          <Tag>{t("items.statutory", { days: item.statutoryDays })}</Tag>
        </Space>
      </div>
      <Space wrap style={{ flex: "none" }}>
        <LinkButton to={`/items/${item.id}`}>{t("items.viewGuide")}</LinkButton>
        {!item.offlineOnly && (
          <LinkButton to={`/apply/${item.id}`} type="primary">{t("guide.applyOnline")}</LinkButton>
        )}
      </Space>
    </li>
  );
}

export default function ItemList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: ItemFilters = {
    q: params.get("q") ?? "",
    regionCode: params.get("regionCode") ?? "",
    departmentId: params.get("departmentId") ?? "",
    applicantType: (params.get("applicantType") ?? "") as ApplicantType | "",
  };
  const [q, setQ] = useState(filters.q ?? "");
  useEffect(() => setQ(filters.q ?? ""), [filters.q]);

  const title = filters.applicantType === "person" ? t("home.personal") : filters.applicantType === "organization" ? t("home.organization") : t("items.title");
  useTitle(filters.q ? t("items.searchTitle", { q: filters.q }) : title);

  const regions = useRegions();
  const departments = useDepartments(filters.regionCode || undefined);
  const items = useItems(filters);
  const list = items.data?.pages.flatMap((p) => p.items) ?? [];

  const update = (patch: Partial<Record<keyof ItemFilters, string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: false });
  };

  return (
    <div className="container page">
      <PageHeading title={title} subtitle={t("items.subtitle")} />
      <Card className="section-card" role="search" aria-label={t("items.filters")}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} lg={10}>
            <Input.Search
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(value) => update({ q: value.trim() })}
              placeholder={t("home.searchPlaceholder")}
              enterButton={t("home.searchButton")}
              aria-label={t("home.searchLabel")}
              allowClear
            />
          </Col>
          <Col xs={12} lg={5}>
            <Select
              style={{ width: "100%" }}
              value={filters.regionCode || undefined}
              placeholder={t("items.allRegions")}
              aria-label={t("items.region")}
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              loading={regions.isLoading}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
              onChange={(value: string | undefined) => update({ regionCode: value ?? "", departmentId: "" })}
            />
          </Col>
          <Col xs={12} lg={5}>
            <Select
              style={{ width: "100%" }}
              value={filters.departmentId || undefined}
              placeholder={t("items.allDepartments")}
              aria-label={t("items.department")}
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              loading={departments.isLoading}
              options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(value: string | undefined) => update({ departmentId: value ?? "" })}
            />
          </Col>
          <Col xs={24} lg={4}>
            <Segmented
              block
              value={filters.applicantType || "all"}
              aria-label={t("items.applicantType")}
              options={[
                { value: "all", label: t("common.all") },
                { value: "person", label: t("applicantType.person") },
                { value: "organization", label: t("applicantType.organization") },
              ]}
              onChange={(value) => update({ applicantType: value === "all" ? "" : String(value) })}
            />
          </Col>
        </Row>
      </Card>

      <Card className="section-card" aria-live="polite" aria-busy={items.isFetching}>
        {items.isLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : items.isError ? (
          <ErrorResult error={items.error} onRetry={() => void items.refetch()} />
        ) : list.length === 0 ? (
          <Empty description={t("items.empty")}>
            <Typography.Paragraph type="secondary">{t("items.emptyHint")}</Typography.Paragraph>
          </Empty>
        ) : (
          <>
            <Typography.Text type="secondary">{t("items.shown", { count: list.length })}</Typography.Text>
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {list.map((item) => (
                <ItemRow key={item.id} item={item} />
              ))}
            </ul>
            {items.hasNextPage && (
              <div style={{ textAlign: "center", marginTop: 12 }}>
                <Button onClick={() => void items.fetchNextPage()} loading={items.isFetchingNextPage}>
                  {t("common.loadMore")}
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
