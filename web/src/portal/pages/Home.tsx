import { BankOutlined, FileSearchOutlined, RightOutlined, SafetyCertificateOutlined, TeamOutlined, UserOutlined } from "@ant-design/icons";
import { Card, Col, Empty, Input, Row, Skeleton, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { useDepartments, useItems, useRegions } from "../../common/data/catalog.ts";

function EntryCard({ to, icon, title, text }: { to: string; icon: React.ReactNode; title: string; text: string }) {
  const { t } = useTranslation();
  const more = t("home.browse");
  return (
    <Link to={to} className="card-link">
      <Card hoverable className="entry-card">
        <span className="entry-icon" aria-hidden="true">{icon}</span>
        <h2 className="entry-title">{title}</h2>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{text}</Typography.Paragraph>
        <span className="entry-more">{more} <RightOutlined aria-hidden="true" /></span>
      </Card>
    </Link>
  );
}

function QuickTool({ icon, title, text, placeholder, button, onSearch, label }: {
  icon: React.ReactNode; title: string; text: string; placeholder: string; button: string; label: string; onSearch: (value: string) => void;
}) {
  return (
    <Card className="entry-card">
      <h2 className="quick-tool-title entry-title">
        <span aria-hidden="true" className="entry-icon">{icon}</span>
        {title}
      </h2>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{text}</Typography.Paragraph>
      <div style={{ marginTop: "auto" }}>
        <Input.Search
          placeholder={placeholder}
          enterButton={button}
          aria-label={label}
          allowClear
          onSearch={(value) => {
            const v = value.trim();
            if (v) onSearch(v);
          }}
        />
      </div>
    </Card>
  );
}

function HotItems() {
  const { t } = useTranslation();
  const items = useItems({}, 8);
  const list = items.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={<h2 className="section-title">{t("home.hotItems")}</h2>}
      extra={<Link to="/items">{t("home.allItems")} <RightOutlined /></Link>}
      className="section-card"
    >
      {items.isLoading ? (
        <Skeleton active />
      ) : items.isError ? (
        <Typography.Text type="secondary">{t("home.catalogUnavailable")}</Typography.Text>
      ) : list.length === 0 ? (
        <Empty description={t("items.empty")} />
      ) : (
        <Row gutter={[16, 12]}>
          {list.map((item) => (
            <Col xs={24} md={12} key={item.id}>
              <Link to={`/items/${item.id}`} className="card-link">
                <div style={{ padding: "10px 12px", border: "1px solid #e7eaf0", borderRadius: 6, height: "100%" }}>
                  <div style={{ fontWeight: 600, color: "#1a2b4a" }}>{item.name}</div>
                  <div className="item-meta">
                    <span>{item.department.name}</span>
                    <span>{t("items.promised", { days: item.promisedDays })}</span>
                  </div>
                </div>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

function DepartmentsAndDistricts() {
  const { t } = useTranslation();
  const regions = useRegions();
  const departments = useDepartments();
  const cityCodes = new Set((regions.data?.items ?? []).filter((r) => r.level === "city").map((r) => r.code));
  const cityDepartments = (departments.data?.items ?? []).filter((d) => cityCodes.size === 0 || cityCodes.has(d.regionCode));
  const districts = (regions.data?.items ?? []).filter((r) => r.level === "district");

  return (
    <Card
      className="section-card"
      title={<h2 className="section-title">{t("home.byDepartment")}</h2>}
      extra={<Link to="/departments">{t("dept.home.all")} <RightOutlined aria-hidden="true" /></Link>}
    >
      <Tabs
        items={[
          {
            key: "departments",
            label: t("home.cityDepartments"),
            children: departments.isLoading ? (
              <Skeleton active />
            ) : cityDepartments.length === 0 ? (
              <Empty description={t("common.noData")} />
            ) : (
              <div className="tag-cloud">
                {cityDepartments.map((d) => (
                  <Link key={d.id} to={`/departments/${encodeURIComponent(d.id)}`}>
                    {d.shortName || d.name}
                    {d.itemCount > 0 && <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{d.itemCount}</Tag>}
                  </Link>
                ))}
              </div>
            ),
          },
          {
            key: "districts",
            label: t("home.districts"),
            children: regions.isLoading ? (
              <Skeleton active />
            ) : districts.length === 0 ? (
              <Empty description={t("common.noData")} />
            ) : (
              <div className="tag-cloud">
                {districts.map((r) => (
                  <Link key={r.code} to={`/items?regionCode=${encodeURIComponent(r.code)}`}>
                    {r.name}
                  </Link>
                ))}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function Home() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useTitle(null);

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title">{t("home.title")}</h1>
          <p>{t("home.subtitle")}</p>
          <div className="hero-search" role="search">
            <Input.Search
              size="large"
              placeholder={t("home.searchPlaceholder")}
              enterButton={t("home.searchButton")}
              aria-label={t("home.searchLabel")}
              allowClear
              onSearch={(value) => navigate(`/items?q=${encodeURIComponent(value.trim())}`)}
            />
          </div>
          <div className="hero-hints">
            <span>{t("home.tryThese")}</span>
            {(t("home.suggestions", { returnObjects: true }) as string[]).map((s) => (
              <Link key={s} to={`/items?q=${encodeURIComponent(s)}`}>{s}</Link>
            ))}
          </div>
        </div>
      </section>

      <div className="container page">
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} lg={6}>
            <EntryCard to="/items?applicantType=person" icon={<UserOutlined />} title={t("home.personal")} text={t("home.personalText")} />
          </Col>
          <Col xs={12} lg={6}>
            <EntryCard to="/items?applicantType=organization" icon={<BankOutlined />} title={t("home.organization")} text={t("home.organizationText")} />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <QuickTool
              icon={<FileSearchOutlined />}
              title={t("nav.progress")}
              text={t("home.progressText")}
              placeholder={t("progress.placeholder")}
              button={t("common.query")}
              label={t("progress.inputLabel")}
              onSearch={(v) => navigate(`/progress/${encodeURIComponent(v)}`)}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <QuickTool
              icon={<SafetyCertificateOutlined />}
              title={t("nav.verify")}
              text={t("home.verifyText")}
              placeholder={t("verify.placeholder")}
              button={t("verify.button")}
              label={t("verify.inputLabel")}
              onSearch={(v) => navigate(`/verify/${encodeURIComponent(v)}`)}
            />
          </Col>
        </Row>

        <Row gutter={[16, 0]}>
          <Col xs={24} lg={14}>
            <HotItems />
          </Col>
          <Col xs={24} lg={10}>
            <DepartmentsAndDistricts />
            <Card className="section-card">
              <div className="quick-tool">
                <TeamOutlined aria-hidden="true" />
                <div>
                  <h2 className="section-title" style={{ marginBottom: 4 }}>{t("home.helpTitle")}</h2>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t("home.helpText")}</Typography.Paragraph>
                </div>
              </div>
            </Card>
          </Col>
        </Row>
      </div>
    </>
  );
}
