import { EnvironmentOutlined, PhoneOutlined, QuestionCircleOutlined, RightOutlined } from "@ant-design/icons";
import { Breadcrumb, Card, Result, Skeleton, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { isApiError } from "../../common/api/errors.ts";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { Section } from "../../common/components/Misc.tsx";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { useRegions } from "../../common/data/catalog.ts";
import { usePublicDepartment } from "../../common/data/departments.ts";
import type { PublicDepartment } from "../departments/model.ts";
import { FigureCards, MonthlyFigures, PhoneLink } from "../departments/parts.tsx";
import "../departments/departments.css";

function NotFoundDepartment() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="dept-notfound-title">{t("dept.page.notFound.title")}</h1>}
      subTitle={t("dept.page.notFound.text")}
      extra={
        <Space wrap style={{ justifyContent: "center" }}>
          <LinkButton to="/departments" type="primary">{t("dept.page.notFound.back")}</LinkButton>
          <LinkButton to="/">{t("error.action.home")}</LinkButton>
        </Space>
      }
    />
  );
}

function Contact({ department: d }: { department: PublicDepartment }) {
  const { t } = useTranslation();
  return (
    <dl className="dept-contact">
      <div>
        <dt><EnvironmentOutlined aria-hidden="true" /> {t("dept.page.address")}</dt>
        <dd>{d.address || <span className="muted">{t("dept.page.noContact")}</span>}</dd>
      </div>
      <div>
        <dt><PhoneOutlined aria-hidden="true" /> {t("dept.page.phone")}</dt>
        <dd>{d.phone ? <PhoneLink phone={d.phone} className="dept-phone" /> : <span className="muted">{t("dept.page.noContact")}</span>}</dd>
      </div>
      <div>
        <dt><QuestionCircleOutlined aria-hidden="true" /> {t("cst.wb.nav")}</dt>
        <dd>
          <Link to={`/my/consultations?department=${encodeURIComponent(d.id)}`}>{t("cst.askDepartment")}</Link>
        </dd>
      </div>
    </dl>
  );
}

function Items({ department: d }: { department: PublicDepartment }) {
  const { t } = useTranslation();
  return (
    <Section
      id="items"
      title={t("dept.page.items")}
      extra={
        d.items.length > 0 ? (
          <Link to={`/items?departmentId=${encodeURIComponent(d.id)}`}>
            {t("dept.page.allItems")} <RightOutlined aria-hidden="true" />
          </Link>
        ) : undefined
      }
    >
      {d.items.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t("dept.page.noItems")}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t("dept.page.itemsCount", { count: d.items.length })}</Typography.Paragraph>
          <ul className="dept-items">
            {d.items.map((item) => (
              <li key={item.id} className="item-row">
                <div style={{ minWidth: 0 }}>
                  <h3 className="item-title">
                    <Link to={`/items/${encodeURIComponent(item.id)}`}>{item.name}</Link>
                  </h3>
                </div>
                <Space size={[4, 4]} wrap style={{ flex: "none" }}>
                  <Tag className="tag-promised">{t("items.promised", { days: item.promisedDays })}</Tag>
                  <Tag>{t("items.statutory", { days: item.statutoryDays })}</Tag>
                </Space>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/** A department's public page: contact, its items, and 服务数据（近一年） with a small monthly chart. */
export default function Department() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePublicDepartment(id);
  const regions = useRegions();
  const d = query.data;
  const notFound = query.isError && isApiError(query.error) && query.error.status === 404;
  useTitle(d ? d.name : notFound ? t("dept.page.notFound.title") : t("dept.page.title"));
  const region = d ? regions.data?.items.find((r) => r.code === d.regionCode) : undefined;
  const regionName = region ? (region.level === "city" ? t("dept.list.city") : region.name) : null;

  return (
    <div className="container page">
      <Breadcrumb
        className="dept-breadcrumb"
        aria-label={t("dept.page.breadcrumb")}
        items={[
          { key: "home", title: <Link to="/">{t("nav.home")}</Link> },
          { key: "list", title: <Link to={region ? `/departments#region-${region.code}` : "/departments"}>{t("dept.list.title")}</Link> },
          ...(d ? [{ key: "this", title: <span aria-current="page">{d.name}</span> }] : []),
        ]}
      />
      {query.isLoading ? (
        <Card className="section-card"><Skeleton active paragraph={{ rows: 10 }} /></Card>
      ) : notFound ? (
        <NotFoundDepartment />
      ) : query.isError || !d ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Card className="section-card">
            {regionName && <Tag>{regionName}</Tag>}
            <Typography.Title level={1} className="dept-title">{d.name}</Typography.Title>
            <Contact department={d} />
          </Card>

          <Section id="figures" title={t("dept.fig.title")}>
            <FigureCards figures={d.figures} />
            <Typography.Paragraph type="secondary" className="dept-note">{t("dept.fig.note")}</Typography.Paragraph>
            <MonthlyFigures monthly={d.figures.monthly} />
          </Section>

          <Items department={d} />
        </>
      )}
    </div>
  );
}
