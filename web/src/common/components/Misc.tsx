import { Card, Spin, Typography } from "antd";
import type { CardProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main-content">
      {t("a11y.skipToContent")}
    </a>
  );
}

export function PageLoading({ tip }: { tip?: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin size="large" />
      <span>{tip ?? t("common.loading")}</span>
    </div>
  );
}

/** Multi-line text from the catalog, keeping the author's line breaks. */
export function Prose({ text, empty }: { text: string | null | undefined; empty?: string }) {
  const { t } = useTranslation();
  if (!text || !text.trim()) return <Typography.Text type="secondary">{empty ?? t("common.none")}</Typography.Text>;
  return <div className="prose">{text}</div>;
}

/** A white card section with an anchor id and a proper heading. */
export function Section({ id, title, extra, children, ...rest }: { id?: string; title: ReactNode; extra?: ReactNode; children: ReactNode } & Omit<CardProps, "title">) {
  return (
    <Card
      id={id}
      className="section-card"
      title={<h2 className="section-title">{title}</h2>}
      extra={extra}
      {...rest}
    >
      {children}
    </Card>
  );
}

/** A page heading block: title, optional subtitle and actions. */
export function PageHeading({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-heading">
      <div>
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {subtitle && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{subtitle}</Typography.Paragraph>}
      </div>
      {actions && <div className="page-heading-actions">{actions}</div>}
    </div>
  );
}
