/** The working-day calendar (Art. 82): its days and which years are maintained. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiGet, apiPost } from "../api/client.ts";
import type { CalendarDay, CalendarDaySet, CalendarStatus, List } from "@cq/contracts";

export const calendarKeys = {
  all: ["calendar"] as const,
  status: ["calendar", "status"] as const,
  days: (year: number) => ["calendar", "days", year] as const,
};

/** Which years the calendar office has maintained, and the warning when next year is not. */
export function useCalendarStatus(enabled = true) {
  return useQuery({
    queryKey: calendarKeys.status,
    queryFn: ({ signal }) => apiGet<CalendarStatus>("/api/calendar/status", undefined, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The days of a year as the calendar marks them, with a margin on both sides for the month grid. */
export function useCalendarDays(year: number) {
  return useQuery({
    queryKey: calendarKeys.days(year),
    queryFn: ({ signal }) => apiGet<List<CalendarDay>>("/api/calendar", { from: `${year - 1}-12-20`, to: `${year + 1}-01-12` }, signal),
    staleTime: 5 * 60_000,
  });
}

/** Marks a year's calendar maintained (R5). */
export function useMarkMaintained(year: number, options: { onSuccess: () => void; onError: (error: Error) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost(`/api/calendar/years/${year}/maintained`),
    onSuccess: () => {
      options.onSuccess();
      void queryClient.invalidateQueries({ queryKey: calendarKeys.status });
    },
    onError: options.onError,
  });
}

/** Sets one day a workday or not; the server recomputes the deadlines it moves and says how many. */
export function useSetCalendarDay(date: string, onSaved: (recomputed: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { workday: boolean; note?: string }) => api<CalendarDaySet>(`/api/calendar/days/${date}`, { method: "PUT", body }),
    onSuccess: (out) => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
      onSaved(out.recomputed);
    },
  });
}

export type { CalendarDay, CalendarStatus, DayKind } from "@cq/contracts";
