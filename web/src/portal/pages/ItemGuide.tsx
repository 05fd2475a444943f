import { EditOutlined, QuestionCircleOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { GuideView } from "../../common/guide/GuideView.tsx";
import { useMe, type Me } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { useHalls, useItem, type ItemGuide as Guide } from "../../common/data/catalog.ts";

/** Why this user cannot apply online for this item, or null when they can. */
function applyBlocker(item: Guide, me: Me | null | undefined): "offlineOnly" | "applicantType" | "staff" | null {
  if (item.offlineOnly || item.handlingMode === "hall-only") return "offlineOnly";
  if (me?.kind === "staff") return "staff";
  if (me?.applicantType && item.applicantTypes && !item.applicantTypes.includes(me.applicantType)) return "applicantType";
  return null;
}

function ApplyButton({ item, block }: { item: Guide; block?: boolean }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const blocker = applyBlocker(item, me);
  if (blocker) {
    return (
      <Button size="large" type="primary" disabled block={block ?? false} icon={<EditOutlined />}>
        {t("guide.applyOnline")}
      </Button>
    );
  }
  return (
    <LinkButton to={`/apply/${item.id}`} size="large" type="primary" block={block ?? false} icon={<EditOutlined />}>
      {t("guide.applyOnline")}
    </LinkButton>
  );
}

/** Where to go for an item that is handled only at a service hall (R2). */
function HallOnlyNotice({ item }: { item: Guide }) {
  const { t } = useTranslation();
  const halls = useHalls(item.regionCode).data?.items ?? [];
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="warning"
      showIcon
      title={t("guide.blocker.offlineOnly")}
      description={
        <>
          <p style={{ margin: 0 }}>{t("guide.whereToGo", { region: item.regionName, department: item.department?.name ?? "", phone: item.consultationPhone })}</p>
          {halls.length > 0 && (
            <section aria-label={t("guide.hallsTitle")} style={{ marginTop: 8 }}>
              <strong>{t("guide.hallsTitle")}</strong>
              <ul style={{ margin: "4px 0 0", paddingLeft: 20 }}>
                {halls.map((h) => (
                  <li key={h.id}>
                    {h.name} · {t("guide.hallAddress", { address: h.address })}
                    {h.openingHours ? ` · ${t("guide.hallHours", { hours: h.openingHours })}` : ""}
                    {h.phone ? ` · ${t("guide.hallPhone", { phone: h.phone })}` : ""}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      }
    />
  );
}

export default function ItemGuide() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const { me } = useMe();
  const query = useItem(id);
  const item = query.data;
  useTitle(item ? t("guide.pageTitle", { name: item.name }) : t("guide.title"));

  if (query.isLoading) return <div className="container page"><Card><Skeleton active paragraph={{ rows: 10 }} /></Card></div>;
  if (query.isError || !item) return <div className="container page"><ErrorResult error={query.error} onRetry={() => void query.refetch()} /></div>;

  const blocker = applyBlocker(item, me);
  const flowchartSrc = `/api/catalog/items/${encodeURIComponent(item.id)}/flowchart.svg?lang=${encodeURIComponent(i18n.language)}`;
  return (
    <>
      <div className="container page">
        <GuideView
          item={item}
          flowchartSrc={flowchartSrc}
          apply={(block) => <ApplyButton item={item} block={block} />}
          notice={blocker === "offlineOnly" ? <HallOnlyNotice item={item} /> : blocker ? <Alert style={{ marginTop: 16 }} type="info" showIcon title={t(`guide.blocker.${blocker}`)} /> : null}
        />
        <div style={{ marginTop: 16 }}>
          <LinkButton to={`/my/consultations?item=${encodeURIComponent(item.id)}&itemName=${encodeURIComponent(item.name)}`} icon={<QuestionCircleOutlined aria-hidden="true" />}>
            {t("cst.askAbout")}
          </LinkButton>
        </div>
      </div>
      {!blocker && (
        <div className="guide-apply-bar">
          <ApplyButton item={item} block />
        </div>
      )}
    </>
  );
}
