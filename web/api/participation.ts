/**
 * Queries of residents' participation (issue 14). First the public side, used without an
 * account: a published call for participation, the registration, the cancellation by the
 * link of the confirmation e-mail. Then the coordination's.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import type { BodyOf, ResponseOf } from "./types";

// ——— Public: call for participation, registration, cancellation ———

export type PublicCall = ResponseOf<"/api/public/contracts/{slug}/workshops/{workshopId}", "get">;
export type PublicSession = PublicCall["sessions"][number];
export type RegistrationInput = BodyOf<"/api/public/contracts/{slug}/workshops/{workshopId}/registrations", "post">;
export type Registered = ResponseOf<"/api/public/contracts/{slug}/workshops/{workshopId}/registrations", "post">;
export type Cancelled = ResponseOf<"/api/public/registrations/cancel", "post">;

export const publicParticipationKeys = {
  call: (slug: string, workshopId: string) => ["public", slug, "workshops", workshopId] as const,
};

const callPath = (slug: string, workshopId: string) => `/public/contracts/${encodeURIComponent(slug)}/workshops/${encodeURIComponent(workshopId)}`;

/** A published call for participation (404 when it is not, or no longer, published). */
export const usePublicCall = (slug: string, workshopId: string) =>
  useQuery({
    queryKey: publicParticipationKeys.call(slug, workshopId),
    queryFn: ({ signal }) => api<PublicCall>(callPath(slug, workshopId), { signal }),
    retry: false,
  });

/** A resident registers; the call is read again afterwards (places left, waitlist). */
export function useRegister(slug: string, workshopId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationInput) => api<Registered>(`${callPath(slug, workshopId)}/registrations`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicParticipationKeys.call(slug, workshopId) }),
  });
}

/** A resident cancels their registration with the token of their confirmation e-mail. */
export const useCancelRegistration = () =>
  useMutation({
    mutationFn: (token: string) => api<Cancelled>("/public/registrations/cancel", { method: "POST", body: { token } satisfies BodyOf<"/api/public/registrations/cancel", "post"> }),
  });
