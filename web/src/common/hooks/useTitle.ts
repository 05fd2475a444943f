import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets `document.title` to "<page> - <platform name>". */
export function useTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const appName = t("app.name");
  useEffect(() => {
    document.title = title ? `${title} - ${appName}` : appName;
  }, [title, appName]);
}

/** useTitle as a component, for branches that cannot call hooks. */
export function DocumentTitle({ title }: { title: string }) {
  useTitle(title);
  return null;
}
