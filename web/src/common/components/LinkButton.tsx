import { Button } from "antd";
import type { ButtonProps } from "antd";
import type { MouseEvent } from "react";
import { useHref, useLinkClickHandler } from "react-router-dom";

export type LinkButtonProps = Omit<ButtonProps, "href"> & { to: string; replace?: boolean };

/**
 * A router link that looks like a button: one element and one tab stop (a <Button> inside a
 * <Link> would be two, and invalid HTML). Ctrl/⌘-click still opens a new tab.
 */
export function LinkButton({ to, replace, onClick, ...props }: LinkButtonProps) {
  const href = useHref(to);
  const handle = useLinkClickHandler<HTMLAnchorElement>(to, { replace: replace ?? false });
  return (
    <Button
      {...props}
      href={href}
      onClick={(event: MouseEvent<HTMLElement>) => {
        onClick?.(event as MouseEvent<HTMLButtonElement & HTMLAnchorElement>);
        if (!event.defaultPrevented) handle(event as MouseEvent<HTMLAnchorElement>);
      }}
    />
  );
}
