import { MailOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useMyCases, type CaseListItem } from "../../common/data/cases.ts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { LightTag, StatusTag } from "../../common/components/StatusTag.tsx";
import { formatDate } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { ExpectedAction } from "../components/case/ExpectedAction.tsx";
import { RequireApplicant } from "../RequireApplicant.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";

function CaseCard({ item }: { item: CaseListItem }) {
  const { t } = useTranslation();
  return (
    <Card
      className="case-card"
      style={{ height: "100%" }}
      title={<Link to={`/my/cases/${item.id}`}>{item.itemName}</Link>}
      extra={<StatusTag status={item.status} result={item.result} />}
      actions={[<Link key="view" to={`/my/cases/${item.id}`}>{t("myCases.details")}</Link>]}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "dept", label: t("guide.department"), children: item.department.name },
          ...(item.supervisionCode ? [{ key: "code", label: t("case.supervisionCode"), children: <span className="supervision-code">{item.supervisionCode}</span> }] : []),
          ...(item.referenceNo ? [{ key: "ref", label: t("refNo.label"), children: <span className="supervision-code">{item.referenceNo}</span> }] : []),
          { key: "created", label: t("case.createdAt"), children: formatDate(item.createdAt) },
          ...(item.submittedAt ? [{ key: "submitted", label: t("case.submittedAt"), children: formatDate(item.submittedAt) }] : []),
          ...(item.acceptedAt ? [{ key: "accepted", label: t("case.acceptedAt"), children: formatDate(item.acceptedAt) }] : []),
          ...(item.dueDate ? [{ key: "due", label: t("case.dueDate"), children: <Space>{formatDate(item.dueDate)}<LightTag light={item.light} /></Space> }] : []),
        ]}
      />
      <ExpectedAction code={item.nextAction} status={item.status} caseId={item.id} itemId={item.itemId} />
    </Card>
  );
}

function MyCasesPage() {
  const { t } = useTranslation();
  useTitle(t("nav.myCases"));
  const cases = useMyCases();
  const list = cases.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="container page">
      <PageHeading
        title={t("nav.myCases")}
        subtitle={t("myCases.subtitle")}
        actions={
          <>
            <LinkButton to="/my/inbox" icon={<MailOutlined aria-hidden="true" />}>{t("cw.inbox.title")}</LinkButton>
            <LinkButton to="/items" type="primary" icon={<PlusOutlined aria-hidden="true" />}>{t("myCases.newApplication")}</LinkButton>
          </>
        }
      />
      {cases.isLoading ? (
        <Card><Skeleton active paragraph={{ rows: 6 }} /></Card>
      ) : cases.isError ? (
        <ErrorResult error={cases.error} onRetry={() => void cases.refetch()} />
      ) : list.length === 0 ? (
        <Card>
          <Empty description={t("myCases.empty")}>
            <LinkButton to="/items" type="primary">{t("myCases.findItem")}</LinkButton>
          </Empty>
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {list.map((item) => (
              <Col xs={24} md={12} xl={8} key={item.id}>
                <CaseCard item={item} />
              </Col>
            ))}
          </Row>
          {cases.hasNextPage && (
            <div style={{ textAlign: "center", marginTop: 16 }}>
              <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>{t("common.loadMore")}</Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

export default function MyCases() {
  return (
    <RequireApplicant>
      <MyCasesPage />
    </RequireApplicant>
  );
}
