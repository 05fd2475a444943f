import { Button, Result, Space } from "antd";
import type { ResultProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router-dom";
import { isApiError } from "../api/errors.ts";
import { LinkButton } from "./LinkButton.tsx";

export interface ErrorResultProps {
  error: unknown;
  /** Shown as a "try again" button. */
  onRetry?: () => void;
  title?: ReactNode;
  /** Where "back to home" goes: the portal or the workbench. */
  homePath?: string;
  /** Where to log in on a 401. */
  loginPath?: string;
  extra?: ReactNode;
}

type Kind = "network" | "login" | "forbidden" | "notFound" | "conflict" | "invalid" | "rateLimited" | "server" | "unknown";

/** Classifies an error by what the user can do about it. */
export function errorKind(error: unknown): Kind {
  if (!isApiError(error)) return "unknown";
  const { status } = error;
  if (status === 0) return "network";
  if (status === 401) return "login";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status === 409) return "conflict";
  if (status === 429 || status === 423) return "rateLimited";
  if (status >= 500) return "server";
  if (status >= 400) return "invalid";
  return "unknown";
}

const resultStatus: Record<Kind, ResultProps["status"]> = {
  network: "warning",
  login: "403",
  forbidden: "403",
  notFound: "404",
  conflict: "warning",
  invalid: "warning",
  rateLimited: "warning",
  server: "500",
  unknown: "error",
};

/** Asking again only helps when the cause is passing, not when the request itself is wrong. */
function retryHelps(kind: Kind): boolean {
  return kind === "network" || kind === "server" || kind === "conflict" || kind === "rateLimited" || kind === "unknown";
}

/** A full error page that says what went wrong and what to do next. */
export function ErrorResult({ error, onRetry, title, homePath = "/", loginPath = "/login", extra }: ErrorResultProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const kind = errorKind(error);
  const message = error instanceof Error && error.message ? error.message : t("error.unknown");
  const next = `${location.pathname}${location.search}`;

  return (
    <Result
      status={resultStatus[kind]}
      title={title ?? t(`error.title.${kind}`)}
      subTitle={
        <Space orientation="vertical" size={4}>
          <span role="alert">{message}</span>
          <span>{t(`error.next.${kind}`)}</span>
        </Space>
      }
      extra={
        <Space wrap>
          {kind === "login" && (
            <LinkButton to={`${loginPath}?next=${encodeURIComponent(next)}`} type="primary">{t("error.action.login")}</LinkButton>
          )}
          {onRetry && retryHelps(kind) && (
            <Button type="primary" onClick={onRetry}>
              {t("error.action.retry")}
            </Button>
          )}
          <LinkButton to={homePath}>{t("error.action.home")}</LinkButton>
          {extra}
        </Space>
      }
    />
  );
}
