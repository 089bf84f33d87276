/**
 * The status people see on a contract (issue 15, item 12): what was declared, following the
 * calendar — a signed contract whose period has begun is under way, and one past its end
 * date that nobody moved on is « à évaluer ». Pure; the app, the public page and the
 * exports show the same. Dates are ISO days ("2023-12-31").
 */
import { CONTRACT_STATUSES, type ContractStatus } from "./statuses.js";

export type ShownContractStatus = ContractStatus | "to_evaluate";

export const SHOWN_CONTRACT_STATUSES: Record<ShownContractStatus, string> = { ...CONTRACT_STATUSES, to_evaluate: "À évaluer" };

export function shownContractStatus(c: { status: ContractStatus; startDate: string; endDate: string }, today: string): ShownContractStatus {
  if ((c.status === "signed" || c.status === "running") && today > c.endDate) return "to_evaluate";
  if (c.status === "signed" && today >= c.startDate) return "running";
  return c.status;
}
