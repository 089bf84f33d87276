/** What every question control takes, and the wording of a question as its legend or label says it. */
import type { QuestionAnswer, SurveyQuestion } from "../../../server/domain/surveys";
import type { Places } from "./survey-api";

export interface ControlProps {
  question: SurveyQuestion;
  answer: QuestionAnswer | undefined;
  setAnswer: (answer: QuestionAnswer | undefined) => void;
  error: string | undefined;
  places: Places;
  /** Whether other questions appear depending on this one's answer. */
  controlsOthers: boolean;
}

/** The question's wording, marked when an answer is required. */
export function QuestionLabel({ question: q }: { question: SurveyQuestion }) {
  return (
    <>
      {q.label}
      {q.required && <span className="cles-required"> (obligatoire)</span>}
    </>
  );
}

/** The help under the question, and a word when its answer shows other questions. */
export function hintOf(q: SurveyQuestion, controlsOthers: boolean): string | undefined {
  const more = controlsOthers ? "Selon votre réponse, d'autres questions peuvent apparaître." : "";
  const text = [q.help, more].filter(Boolean).join(" ");
  return text || undefined;
}
