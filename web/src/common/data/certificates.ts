/** Public verification of certificates (证照核验); the library's certificates a case may reuse come with the case. */
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { PublicCertificate } from "@cq/contracts";


export const certificateKeys = {
  public: (no: string) => ["public", "certificate", no] as const,
};

/** Verifies a certificate by its number (no login). */
export function usePublicCertificate(no: string) {
  return useQuery({
    queryKey: certificateKeys.public(no),
    queryFn: ({ signal }) => apiGet<PublicCertificate>(`/api/public/certificates/${encodeURIComponent(no)}`, undefined, signal),
  });
}

// The shapes pages use, from here, so that they change in one place.
export type { LibraryCertificate, PublicCertificate } from "@cq/contracts";
