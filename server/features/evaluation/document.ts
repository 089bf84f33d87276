/** Reads what the evaluation document shows, then builds it (one query per table). */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { evaluationResponses } from "../../db/schema.js";
import { bodiesOverPeriod } from "../annual-report/governance.js";
import { loadContract, loadFiches, loadGovernance } from "../annual-report/service.js";
import { parisDay } from "../../domain/dates.js";
import { aggregateAnswers, ficheResults } from "./aggregate.js";
import { buildEvaluation } from "./build.js";
import { evaluationRow } from "./service.js";

export async function evaluationDocument(db: Db, contractId: string, author: string, today = parisDay()) {
  const contract = await loadContract(db, contractId);
  const row = await evaluationRow(db, contractId);
  const answered = await db.select({ answers: evaluationResponses.answers }).from(evaluationResponses).where(eq(evaluationResponses.evaluationId, row.id));
  const { bodies, meetings } = await loadGovernance(db, contractId);
  const { fiches, indicators, measurements } = await loadFiches(db, contractId);
  return buildEvaluation({
    contract,
    author,
    today,
    evaluation: {
      status: row.status,
      parts: row.parts,
      questionnaireOpenedAt: row.questionnaireOpenedAt?.toISOString() ?? null,
      validatedOn: row.validatedOn,
    },
    respondents: answered.length,
    answers: aggregateAnswers(row.questions, answered),
    governance: bodiesOverPeriod(bodies, meetings, contract.startDate, contract.endDate, today),
    results: ficheResults(fiches, indicators, measurements),
  });
}
