import { describe, expect, it } from "vitest";
import { SHOWN_CONTRACT_STATUSES, shownContractStatus } from "./contract-status.js";

const contract = { startDate: "2021-01-01", endDate: "2023-12-31" };

describe("shownContractStatus", () => {
  it("follows the calendar: a signed contract is under way once begun, and to be evaluated after its end", () => {
    expect(shownContractStatus({ ...contract, status: "signed" }, "2020-12-31")).toBe("signed");
    expect(shownContractStatus({ ...contract, status: "signed" }, "2021-01-01")).toBe("running");
    expect(shownContractStatus({ ...contract, status: "running" }, "2023-12-31")).toBe("running");
    expect(shownContractStatus({ ...contract, status: "running" }, "2024-01-01")).toBe("to_evaluate");
    expect(shownContractStatus({ ...contract, status: "signed" }, "2026-12-03")).toBe("to_evaluate");
    expect(SHOWN_CONTRACT_STATUSES.to_evaluate).toBe("À évaluer");
  });

  it("keeps what people declared otherwise", () => {
    for (const status of ["draft", "under_evaluation", "closed"] as const) expect(shownContractStatus({ ...contract, status }, "2026-12-03")).toBe(status);
  });
});
