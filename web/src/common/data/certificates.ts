/** The certificate library (证照库, R27) and public verification (证照核验). */
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { LibraryCertificate, List, PublicCertificate } from "@cq/contracts";


export const certificateKeys = {
  library: (holderId: string | undefined) => ["certificates", holderId ?? "mine"] as const,
  public: (no: string) => ["public", "certificate", no] as const,
};

/**
 * A holder's certificates: a hall clerk looks up the applicant's library, the applicant their own.
 * The library is optional: when it cannot be read, the answer is null and a file is uploaded instead.
 */
export function useCertificateLibrary(holderId: string | undefined) {
  return useQuery({
    queryKey: certificateKeys.library(holderId),
    queryFn: async ({ signal }) => {
      try {
        return await apiGet<List<LibraryCertificate>>("/api/certificates", holderId ? { holderId } : { holder: "me" }, signal);
      } catch {
        return null;
      }
    },
    retry: false,
    staleTime: 60_000,
  });
}

/** Verifies a certificate by its number (no login). */
export function usePublicCertificate(no: string) {
  return useQuery({
    queryKey: certificateKeys.public(no),
    queryFn: ({ signal }) => apiGet<PublicCertificate>(`/api/public/certificates/${encodeURIComponent(no)}`, undefined, signal),
  });
}

// The shapes pages use, from here, so that they change in one place.
export type { LibraryCertificate, PublicCertificate } from "@cq/contracts";
