/**
 * Lifecycle of a contract: draft → signed → running → under evaluation → closed.
 * A step back is allowed only where a real contract may go back (a signature
 * recorded by mistake, an evaluation reopened); a closed contract stays closed.
 */
import { CONTRACT_STATUSES, type ContractStatus } from "../../domain/statuses.js";

export const CONTRACT_TRANSITIONS = {
  draft: ["signed"],
  signed: ["draft", "running"],
  running: ["under_evaluation"],
  under_evaluation: ["running", "closed"],
  closed: [],
} as const satisfies Record<ContractStatus, readonly ContractStatus[]>;

export function canChangeContractStatus(from: ContractStatus, to: ContractStatus): boolean {
  return from === to || (CONTRACT_TRANSITIONS[from] as readonly ContractStatus[]).includes(to);
}

/** French explanation of a refused status change, or null when allowed. */
export function contractStatusChangeError(from: ContractStatus, to: ContractStatus): string | null {
  if (canChangeContractStatus(from, to)) return null;
  const allowed = CONTRACT_TRANSITIONS[from].map((s) => `« ${CONTRACT_STATUSES[s]} »`);
  return allowed.length === 0
    ? `Un contrat « ${CONTRACT_STATUSES[from]} » ne peut plus changer de statut.`
    : `Un contrat « ${CONTRACT_STATUSES[from]} » ne peut passer qu'à ${allowed.join(" ou ")}.`;
}
