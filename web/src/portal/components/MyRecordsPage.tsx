import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";

/**
 * A page of the applicant's own records as cards (我的投诉, 我的咨询): the heading with refresh and
 * "new", then loading, an error with retry, the empty state or the cards; the form below when open.
 */
export function MyRecordsPage<T>(props: {
  title: string;
  subtitle: string;
  newLabel: string;
  emptyText: string;
  query: { isLoading: boolean; isFetching: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  items: T[];
  card: (item: T) => ReactNode;
  onNew: () => void;
  form?: ReactNode;
}) {
  const { t } = useTranslation();
  const { query } = props;
  return (
    <div className="container page" style={{ maxWidth: 960 }}>
      <PageHeading
        title={props.title}
        subtitle={props.subtitle}
        actions={
          <>
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isLoading}>
              {t("common.refresh")}
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={props.onNew}>
              {props.newLabel}
            </Button>
          </>
        }
      />
      {query.isLoading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : props.items.length === 0 ? (
        <Card>
          <Empty description={props.emptyText} />
        </Card>
      ) : (
        props.items.map(props.card)
      )}
      {props.form}
    </div>
  );
}
