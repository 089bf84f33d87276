/** A survey's state as a badge: draft, published but not open yet, open, closed. */
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { SURVEY_STATE_LABELS, SURVEY_STATE_SEVERITY, type SurveyState } from "./survey-api";

export function StateBadge({ state }: { state: SurveyState }) {
  return (
    <Badge small severity={SURVEY_STATE_SEVERITY[state]} as="span">
      {SURVEY_STATE_LABELS[state]}
    </Badge>
  );
}
