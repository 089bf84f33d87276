/** Queries of the annual report and the evaluation (issue 6, items 7 and 8). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EvaluationAnswer, EvaluationPartKey, EvaluationQuestion } from "../../server/domain/evaluation";
import { ApiError, api } from "./client";
import type { ResponseOf } from "./types";

export type Evaluation = ResponseOf<"/api/contracts/{contractId}/evaluation", "get">;
export type MyAnswers = ResponseOf<"/api/contracts/{contractId}/evaluation/answers/mine", "get">;
export type AnnualTexts = ResponseOf<"/api/contracts/{contractId}/annual-reports/{year}/texts", "get">;
export type { EvaluationAnswer, EvaluationQuestion };

export const reportKeys = {
  evaluation: (contractId: string) => ["contracts", contractId, "evaluation"] as const,
  myAnswers: (contractId: string) => ["contracts", contractId, "evaluation", "mine"] as const,
  annualTexts: (contractId: string, year: number) => ["contracts", contractId, "annual-report", year, "texts"] as const,
};

const textsPath = (contractId: string, year: number) => `/contracts/${contractId}/annual-reports/${year}/texts`;

export const useAnnualTexts = (contractId: string, year: number | null) =>
  useQuery({ queryKey: reportKeys.annualTexts(contractId, year ?? 0), enabled: year !== null, queryFn: ({ signal }) => api<AnnualTexts>(textsPath(contractId, year!), { signal }) });

type TextsChange = { kind: "save"; synthesis: string; outlook: string; version: number | null } | { kind: "publish" | "reopen"; version: number };

/** Saving, publishing or reopening a year's texts: the answer is the texts as they now are; the report's preview is read again. */
export function useAnnualTextsChange(contractId: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: TextsChange) =>
      change.kind === "save"
        ? api<AnnualTexts>(textsPath(contractId, year), { method: "PUT", body: { synthesis: change.synthesis, outlook: change.outlook, version: change.version } })
        : api<AnnualTexts>(`${textsPath(contractId, year)}/${change.kind === "publish" ? "publication" : "reopening"}`, { method: "POST", body: { version: change.version } }),
    onSuccess: async (data) => {
      queryClient.setQueryData<AnnualTexts>(reportKeys.annualTexts(contractId, year), data);
      await queryClient.invalidateQueries({ queryKey: ["document-html", `/contracts/${contractId}/annual-report.html?year=${year}`] });
    },
  });
}

export const useEvaluation = (contractId: string) =>
  useQuery({ queryKey: reportKeys.evaluation(contractId), queryFn: ({ signal }) => api<Evaluation>(`/contracts/${contractId}/evaluation`, { signal }) });

export const useMyAnswers = (contractId: string) =>
  useQuery({ queryKey: reportKeys.myAnswers(contractId), queryFn: ({ signal }) => api<MyAnswers>(`/contracts/${contractId}/evaluation/answers/mine`, { signal }) });

/** Every change of the coordination answers with the evaluation as it now is. */
export function useEvaluationChange<V, R extends Evaluation = Evaluation>(contractId: string, request: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => queryClient.setQueryData<Evaluation>(reportKeys.evaluation(contractId), data),
  });
}

export const saveEvaluation = (contractId: string) => (body: { parts: { key: EvaluationPartKey; html: string }[]; questions?: EvaluationQuestion[]; version: number }) =>
  api<Evaluation>(`/contracts/${contractId}/evaluation`, { method: "PUT", body });
export const openQuestionnaire = (contractId: string) => (version: number) =>
  api<ResponseOf<"/api/contracts/{contractId}/evaluation/questionnaire", "post">>(`/contracts/${contractId}/evaluation/questionnaire`, { method: "POST", body: { version } });
export const closeQuestionnaire = (contractId: string) => (version: number) => api<Evaluation>(`/contracts/${contractId}/evaluation/questionnaire/close`, { method: "POST", body: { version } });
export const validateEvaluation = (contractId: string) => (body: { meetingId: string; version: number }) =>
  api<Evaluation>(`/contracts/${contractId}/evaluation/validation`, { method: "POST", body });

export function useSaveMyAnswers(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: EvaluationAnswer[]) => api<ResponseOf<"/api/contracts/{contractId}/evaluation/answers/mine", "put">>(`/contracts/${contractId}/evaluation/answers/mine`, { method: "PUT", body: { answers } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: reportKeys.myAnswers(contractId) });
      await queryClient.invalidateQueries({ queryKey: reportKeys.evaluation(contractId) });
    },
  });
}

/**
 * Downloads a generated document (DOCX, PDF) as a file: fetched first, so that the page can
 * say it is being prepared and tell a French error when it fails.
 */
export async function downloadDocument(path: string, fileName: string): Promise<void> {
  const response = await fetch(`/api${path}`, { headers: { accept: "*/*" } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new ApiError(response.status, problem.detail ?? `Le document n'a pas pu être préparé (erreur ${response.status}).`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The document as HTML, for the preview inside the page. */
export const useDocumentHtml = (path: string, enabled = true) =>
  useQuery({
    queryKey: ["document-html", path],
    enabled,
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api${path}`, { headers: { accept: "text/html" }, signal });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string };
        throw new ApiError(response.status, problem.detail ?? `Erreur ${response.status}.`);
      }
      return response.text();
    },
    placeholderData: (previous) => previous,
  });
