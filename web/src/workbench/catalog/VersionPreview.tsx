import { Alert, Drawer, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { useVersionPreview, versionFlowchartUrl } from "../../common/data/catalogAdmin.ts";
import { GuideView } from "../../common/guide/GuideView.tsx";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";

/** A saved version's guide exactly as the public guide page will show it, with its flowchart. */
export function VersionPreview({ versionId, title, onClose }: { versionId: string; title: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const preview = useVersionPreview(versionId);
  const isMobile = useIsMobile();
  return (
    <Drawer open title={title} size={isMobile ? "100%" : 1100} onClose={onClose} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("cat.preview.hint")} />
      {preview.isLoading ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : preview.isError || !preview.data ? (
        <ErrorResult error={preview.error} onRetry={() => void preview.refetch()} homePath="/workbench/catalog" loginPath="/workbench/login" />
      ) : (
        <GuideView item={preview.data} flowchartSrc={versionFlowchartUrl(versionId, i18n.language)} contents={false} />
      )}
    </Drawer>
  );
}
