/** The hall desk (窗口受理, R20): finding or recording the applicant who came in person. */
import { useMutation } from "@tanstack/react-query";
import { apiGet, apiPost } from "../api/client.ts";
import type { ApplicantType, Created, HallApplicant, List } from "@cq/contracts";


export type LookupKey = "idNumber" | "creditCode" | "phone";

/** Looks an applicant up by ID number, credit code or phone (a command-like search: run on demand). */
export function useApplicantLookup() {
  return useMutation({
    mutationFn: (q: { by: LookupKey; value: string }) => apiGet<List<HallApplicant>>("/api/hall/applicants", { [q.by]: q.value }),
  });
}

/** Records an applicant after checking the ID card or business licence on the spot. */
export function useRegisterApplicant<TBody extends { type: ApplicantType; name: string; phone: string }>(onRegistered: (a: HallApplicant) => void) {
  return useMutation({
    mutationFn: (body: TBody) => apiPost<Created>("/api/hall/applicants", body),
    onSuccess: (r, body) => onRegistered({ id: r.id, type: body.type, name: body.name, phone: body.phone }),
  });
}

export type { HallApplicant } from "@cq/contracts";
