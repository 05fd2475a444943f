import type { UseQueryResult } from "@tanstack/react-query";

/**
 * Whether a table lies under its loading veil: while it has no rows yet, or while it still shows the
 * rows of the filters before (a query with `keepPreviousData`). Not while its own rows are refreshed in
 * the background: the veil takes the clicks meant for the rows beneath it.
 */
export function tableLoading(query: Pick<UseQueryResult, "isLoading" | "isFetching" | "isPlaceholderData">): boolean {
  return query.isLoading || (query.isFetching && query.isPlaceholderData);
}
