/** Certificates (证照库): public verification, the library by holder or number, revocation and off-platform registration. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "../api/client.ts";
import type {
  CertificateListQuery, CertificateRegistered, LibraryCertificate, List, CertificateRegisterRequest, CertificateRevoked, CertificateRevokeRequest, PublicCertificate,
} from "@cq/contracts";

export const certificateKeys = {
  all: ["certificates"] as const,
  public: (no: string) => ["public", "certificate", no] as const,
  library: (q: CertificateListQuery) => ["certificates", "library", q] as const,
};

/** Verifies a certificate by its number (no login). */
export function usePublicCertificate(no: string) {
  return useQuery({
    queryKey: certificateKeys.public(no),
    queryFn: ({ signal }) => apiGet<PublicCertificate>(`/api/public/certificates/${encodeURIComponent(no)}`, undefined, signal),
  });
}

/** Certificates of the library: the applicant's own (`holder: "me"`), or a staff look-up by number or holder; off while `q` is null. */
export function useCertificateLibrary(q: CertificateListQuery | null) {
  return useQuery({
    queryKey: certificateKeys.library(q ?? {}),
    queryFn: ({ signal }) => apiGet<List<LibraryCertificate>>("/api/certificates", q as Record<string, string>, signal),
    enabled: q !== null,
  });
}

/** Marks every certificate view stale (after a revocation or a registration). */
function useRefreshCertificates() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: certificateKeys.all }), queryClient.invalidateQueries({ queryKey: ["public", "certificate"] })]);
}

/** 注销: the issuing department revokes a certificate, stating reason and legal basis. */
export function useRevokeCertificate(no: string, onDone: (r: CertificateRevoked) => void) {
  const refresh = useRefreshCertificates();
  return useMutation({
    mutationFn: (body: CertificateRevokeRequest) => apiPost<CertificateRevoked>(`/api/certificates/${encodeURIComponent(no)}/revoke`, body),
    onSuccess: (r) => {
      void refresh();
      onDone(r);
    },
  });
}

/** Registers a certificate issued off the platform's workflow. */
export function useRegisterCertificate(onDone: (r: CertificateRegistered) => void) {
  const refresh = useRefreshCertificates();
  return useMutation({
    mutationFn: (body: CertificateRegisterRequest) => apiPost<CertificateRegistered>("/api/certificates", body),
    onSuccess: (r) => {
      void refresh();
      onDone(r);
    },
  });
}

/** Where a certificate's signed file (offline verification) downloads from. */
export const signedFileUrl = (no: string) => `/api/certificates/${encodeURIComponent(no)}/signed.json`;

// The shapes pages use, from here, so that they change in one place.
export type { LibraryCertificate, PublicCertificate } from "@cq/contracts";
