/**
 * Queries and changes of the quarterly reviews (issue 6): the contract's quarters and
 * reviews, a review's working sections, its publications, the reminder preference.
 * Types come from the routes' declared schemas (web/api/types.ts).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RefreshState, ReviewSection as ServerSection, ReviewStatus, SectionKind } from "../../server/domain/review-sections";
import { api } from "./client";
import type { BodyOf, ResponseOf } from "./types";

export type { RefreshState, ReviewStatus, SectionKind };
export type ReviewSection = ServerSection;

export type ReviewList = ResponseOf<"/api/contracts/{contractId}/reviews", "get">;
/** A review in the contract's list: its quarter, state, last publication. */
export type ReviewSummary = ReviewList["items"][number];
export type ReviewSettings = ReviewList["settings"];
/** A started quarter of the contract, with its review if any. */
export type ReviewQuarter = ReviewList["quarters"][number];
export type SharedReview = ReviewList["sharedElsewhere"][number];
export type SharedReviewBody = BodyOf<"/api/contracts/{contractId}/shared-reviews", "post">;
/** A review: the working sections for the coordination; for readers, the last published version's visible sections. */
export type ReviewView = ResponseOf<"/api/reviews/{reviewId}", "get">;
export type Publication = ReviewView["publications"][number];
/** A published version, frozen. */
export type PublishedVersion = ResponseOf<"/api/reviews/{reviewId}/publications/{number}", "get">;

/** What a save sends: the version read and each section, in the new order (`refreshState: "unchanged"` acknowledges a refresh flag, « Garder mon texte »). */
export type ReviewSave = BodyOf<"/api/reviews/{reviewId}", "put">;
export type SectionInput = ReviewSave["sections"][number];

export type Preferences = ResponseOf<"/api/account/preferences", "get">;

export const reviewKeys = {
  /** Under the contract's key: anything that refreshes a contract refreshes its reviews. */
  all: (contractId: string) => ["contracts", contractId, "reviews"] as const,
  list: (contractId: string) => ["contracts", contractId, "reviews", "list"] as const,
  review: (contractId: string, reviewId: string) => ["contracts", contractId, "reviews", reviewId] as const,
  publication: (contractId: string, reviewId: string, number: number) => ["contracts", contractId, "reviews", reviewId, "publications", number] as const,
  preferences: ["account", "preferences"] as const,
};

/** Paths of the files of a review; `number` picks a published version (without it: the working draft, or the last published one for readers). */
export const reviewFiles = {
  docx: (reviewId: string, number?: number) => `/api/reviews/${reviewId}/review.docx${number ? `?number=${number}` : ""}`,
  pdf: (reviewId: string, number?: number) => `/api/reviews/${reviewId}/review.pdf${number ? `?number=${number}` : ""}`,
  html: (reviewId: string, number?: number) => `/api/reviews/${reviewId}/review.html${number ? `?number=${number}` : ""}`,
  annexes: (reviewId: string, number?: number) => `/api/reviews/${reviewId}/annexes.zip${number ? `?number=${number}` : ""}`,
  /** POST here starts an export job with progress (DocumentDownload). */
  exports: (reviewId: string) => `/reviews/${reviewId}/exports`,
};

/** The pages of a review in the web app. */
export const reviewPaths = {
  list: (contractId: string) => `/contrats/${contractId}/revues`,
  review: (contractId: string, reviewId: string) => `/contrats/${contractId}/revues/${reviewId}`,
  version: (contractId: string, reviewId: string, number: number) => `/contrats/${contractId}/revues/${reviewId}/versions/${number}`,
};

export const useReviews = (contractId: string) =>
  useQuery({ queryKey: reviewKeys.list(contractId), queryFn: ({ signal }) => api<ReviewList>(`/contracts/${contractId}/reviews`, { signal }) });

export const useReview = (contractId: string, reviewId: string) =>
  useQuery({ queryKey: reviewKeys.review(contractId, reviewId), queryFn: ({ signal }) => api<ReviewView>(`/reviews/${reviewId}`, { signal }) });

export const usePublication = (contractId: string, reviewId: string, number: number, enabled = true) =>
  useQuery({
    enabled: enabled && number > 0,
    queryKey: reviewKeys.publication(contractId, reviewId, number),
    queryFn: ({ signal }) => api<PublishedVersion>(`/reviews/${reviewId}/publications/${number}`, { signal }),
    // A published version never changes.
    staleTime: Infinity,
  });

/** After a change of a review: keep the answer, and read the contract's list again (states, dates). */
function useReviewChanged(contractId: string) {
  const queryClient = useQueryClient();
  return async (view: ReviewView) => {
    queryClient.setQueryData(reviewKeys.review(contractId, view.id), view);
    await queryClient.invalidateQueries({ queryKey: reviewKeys.list(contractId) });
  };
}

export function useCreateReview(contractId: string) {
  const changed = useReviewChanged(contractId);
  return useMutation({
    mutationFn: (quarter: { year: number; quarter: number }) => api<ReviewView>(`/contracts/${contractId}/reviews`, { method: "POST", body: quarter }),
    onSuccess: changed,
  });
}

/** Recording a quarter's review shared before Clés, or removing it: the list is read again. */
export function useRecordSharedReview(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SharedReviewBody) => api<SharedReview>(`/contracts/${contractId}/shared-reviews`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.list(contractId) }),
  });
}

export function useRemoveSharedReview(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/shared-reviews/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.list(contractId) }),
  });
}

export function useSaveReview(contractId: string, reviewId: string) {
  const changed = useReviewChanged(contractId);
  return useMutation({
    mutationFn: (body: ReviewSave) => api<ReviewView>(`/reviews/${reviewId}`, { method: "PUT", body }),
    onSuccess: changed,
  });
}

export function useRefreshReview(contractId: string, reviewId: string) {
  const changed = useReviewChanged(contractId);
  return useMutation({
    mutationFn: (version: number) => api<ReviewView>(`/reviews/${reviewId}/refresh`, { method: "POST", body: { version } }),
    onSuccess: changed,
  });
}

export function usePublishReview(contractId: string, reviewId: string) {
  const changed = useReviewChanged(contractId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; correctionNote?: string }) => api<ReviewView>(`/reviews/${reviewId}/publish`, { method: "POST", body }),
    onSuccess: async (view) => {
      await changed(view);
      // The public page lists published reviews.
      await queryClient.invalidateQueries({ queryKey: ["public"] });
    },
  });
}

export function useCorrectReview(contractId: string, reviewId: string) {
  const changed = useReviewChanged(contractId);
  return useMutation({
    mutationFn: (version: number) => api<ReviewView>(`/reviews/${reviewId}/correction`, { method: "POST", body: { version } }),
    onSuccess: changed,
  });
}

export function useSaveReviewSettings(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewSettings) => api<ReviewSettings>(`/contracts/${contractId}/review-settings`, { method: "PUT", body }),
    onSuccess: async (settings) => {
      queryClient.setQueryData<ReviewList>(reviewKeys.list(contractId), (list) => (list ? { ...list, settings } : list));
      await queryClient.invalidateQueries({ queryKey: reviewKeys.list(contractId) });
      await queryClient.invalidateQueries({ queryKey: ["public"] });
    },
  });
}

export const usePreferences = () =>
  useQuery({ queryKey: reviewKeys.preferences, queryFn: ({ signal }) => api<Preferences>("/account/preferences", { signal }) });

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Omit<Preferences, "arsDelegation">>) => api<Preferences>("/account/preferences", { method: "PUT", body }),
    onSuccess: (saved) => queryClient.setQueryData(reviewKeys.preferences, saved),
  });
}

