/**
 * Queries of residents' surveys (issue 14, item 6): the coordination's builder and results,
 * members' paper answers, the contacts respondents left (the coordination only), and the
 * public side used without an account (the questionnaire, the answer, the published results).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { BodyOf, ItemOf, ResponseOf } from "../../api/types";

export type SurveyList = ResponseOf<"/api/contracts/{contractId}/surveys", "get">;
export type SurveyItem = ItemOf<SurveyList>;
export type Survey = ResponseOf<"/api/surveys/{surveyId}", "get">;
export type SurveyState = Survey["state"];
export type SurveyInput = BodyOf<"/api/contracts/{contractId}/surveys", "post">;
export type SurveyUpdate = BodyOf<"/api/surveys/{surveyId}", "put">;
export type Results = ResponseOf<"/api/surveys/{surveyId}/results", "get">;
export type QuestionResult = Results["questions"][number];
export type CrossTab = Results["crossTabs"][number];
export type Contacts = ResponseOf<"/api/surveys/{surveyId}/contacts", "get">;
export type Contact = ItemOf<Contacts>;
export type PaperAnswerInput = BodyOf<"/api/surveys/{surveyId}/paper-answers", "post">;
export type Answered = ResponseOf<"/api/surveys/{surveyId}/paper-answers", "post">;
export type PublicSurvey = ResponseOf<"/api/public/contracts/{slug}/surveys/{surveyId}", "get">;
export type PublicAnswerInput = BodyOf<"/api/public/contracts/{slug}/surveys/{surveyId}/answers", "post">;
/** A place a respondent picks: the contract's communes and priority areas (QPV). */
export type Places = Pick<PublicSurvey, "communes" | "priorityAreas">;

/** How a survey's state is said (the server's SURVEY_STATES, which the web cannot import). */
export const SURVEY_STATE_LABELS: Record<SurveyState, string> = { draft: "Brouillon", scheduled: "Publié, pas encore ouvert", open: "Ouvert aux réponses", closed: "Clos" };
export const SURVEY_STATE_SEVERITY = { draft: undefined, scheduled: "info", open: "success", closed: "warning" } as const satisfies Record<SurveyState, string | undefined>;

export const surveyKeys = {
  list: (contractId: string) => ["contracts", contractId, "surveys"] as const,
  survey: (id: string) => ["surveys", id] as const,
  results: (id: string, by: string) => ["surveys", id, "results", by] as const,
  contacts: (id: string) => ["surveys", id, "contacts"] as const,
  public: (slug: string, id: string) => ["public", slug, "surveys", id] as const,
  publicResults: (slug: string, id: string) => ["public", slug, "surveys", id, "results"] as const,
};

export const useSurveys = (contractId: string) =>
  useQuery({ queryKey: surveyKeys.list(contractId), queryFn: ({ signal }) => api<SurveyList>(`/contracts/${contractId}/surveys`, { signal }) });

export const useSurvey = (id: string, enabled = true) =>
  useQuery({ enabled: enabled && !!id, queryKey: surveyKeys.survey(id), queryFn: ({ signal }) => api<Survey>(`/surveys/${id}`, { signal }) });

/** Results per question; with `by` (a profile question's id), also split by its groups. */
export const useSurveyResults = (id: string, by: string) =>
  useQuery({
    queryKey: surveyKeys.results(id, by),
    queryFn: ({ signal }) => api<Results>(`/surveys/${id}/results${by ? `?${new URLSearchParams({ by })}` : ""}`, { signal }),
    placeholderData: (previous) => previous,
  });

/** The e-mails respondents left: asked only by the coordination (others get 403). */
export const useSurveyContacts = (id: string, enabled: boolean) =>
  useQuery({ enabled, queryKey: surveyKeys.contacts(id), queryFn: ({ signal }) => api<Contacts>(`/surveys/${id}/contacts`, { signal }) });

/** After any change: the survey, its results and contacts, and the contract's list are read again. */
function useRefreshSurvey() {
  const queryClient = useQueryClient();
  return async (survey: { id: string; contractId: string }) => {
    await queryClient.invalidateQueries({ queryKey: surveyKeys.survey(survey.id) });
    await queryClient.invalidateQueries({ queryKey: surveyKeys.list(survey.contractId) });
  };
}

/** Creates (POST) or changes (PUT, with the version read) a survey; answers its id. */
export function useSaveSurvey(contractId: string, existing?: { id: string; version: number }) {
  const refresh = useRefreshSurvey();
  return useMutation({
    mutationFn: async (body: SurveyInput): Promise<string> => {
      if (!existing) return (await api<{ id: string }>(`/contracts/${contractId}/surveys`, { method: "POST", body })).id;
      await api<void>(`/surveys/${existing.id}`, { method: "PUT", body: { ...body, version: existing.version } satisfies SurveyUpdate });
      return existing.id;
    },
    onSuccess: (id) => refresh({ id, contractId }),
  });
}

export function useDeleteSurvey(survey: { id: string; contractId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/surveys/${survey.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: surveyKeys.survey(survey.id) });
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list(survey.contractId) });
    },
  });
}

/** Puts the questionnaire online or withdraws it (`publication`), or the results (`results-publication`). */
export function useSetSurveyPublication(survey: { id: string; contractId: string }, what: "publication" | "results-publication") {
  const refresh = useRefreshSurvey();
  return useMutation({
    mutationFn: (published: boolean) =>
      api<void>(`/surveys/${survey.id}/${what}`, { method: "PUT", body: { published } satisfies BodyOf<"/api/surveys/{surveyId}/publication", "put"> }),
    onSuccess: () => refresh(survey),
  });
}

/** A member types in an answer given on paper; counts and results are read again. */
export function usePaperAnswer(survey: { id: string; contractId: string }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshSurvey();
  return useMutation({
    mutationFn: (body: PaperAnswerInput) => api<Answered>(`/surveys/${survey.id}/paper-answers`, { method: "POST", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["surveys", survey.id, "results"] });
      await refresh(survey);
    },
  });
}

/** Erases a respondent's e-mail (right to erasure), or their whole answer with `withAnswers`. */
export function useEraseSurveyAnswer(survey: { id: string; contractId: string }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshSurvey();
  return useMutation({
    mutationFn: ({ answerId, withAnswers }: { answerId: string; withAnswers: boolean }) =>
      api<void>(`/survey-answers/${answerId}?${new URLSearchParams({ withAnswers: String(withAnswers) })}`, { method: "DELETE" }),
    onSuccess: async (_, { withAnswers }) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.contacts(survey.id) });
      if (withAnswers) {
        await queryClient.invalidateQueries({ queryKey: ["surveys", survey.id, "results"] });
        await refresh(survey);
      }
    },
  });
}

/** The address of one respondent's data as a JSON file (right of access). */
export const answerExportUrl = (answerId: string) => `/api/survey-answers/${answerId}/export`;
/** The anonymous answers, one line per person (CSV), and the results with the answers (XLSX). */
export const answersCsvUrl = (surveyId: string) => `/api/surveys/${surveyId}/answers.csv`;
export const resultsXlsxUrl = (surveyId: string) => `/api/surveys/${surveyId}/results.xlsx`;

// ——— Public: the questionnaire, the answer, the published results ———

const publicPath = (slug: string, surveyId: string) => `/public/contracts/${encodeURIComponent(slug)}/surveys/${encodeURIComponent(surveyId)}`;

/** A published questionnaire (404 when it is not, or no longer, online). */
export const usePublicSurvey = (slug: string, surveyId: string, enabled = true) =>
  useQuery({ enabled, queryKey: surveyKeys.public(slug, surveyId), queryFn: ({ signal }) => api<PublicSurvey>(publicPath(slug, surveyId), { signal }), retry: false });

/** A resident answers (the page keeps showing the success panel: no refetch). */
export const useAnswerSurvey = (slug: string, surveyId: string) =>
  useMutation({ mutationFn: (body: PublicAnswerInput) => api<Answered>(`${publicPath(slug, surveyId)}/answers`, { method: "POST", body }) });

/** The results the coordination chose to publish (free texts left out by the server). */
export const usePublicResults = (slug: string, surveyId: string, enabled: boolean) =>
  useQuery({ enabled, queryKey: surveyKeys.publicResults(slug, surveyId), queryFn: ({ signal }) => api<Results>(`${publicPath(slug, surveyId)}/results`, { signal }), retry: false });
