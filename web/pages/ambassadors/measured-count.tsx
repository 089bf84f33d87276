/** A count of the network, and for the coordination its « Enregistrer comme mesure » button opening the small form. */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { useDisclosure } from "../../components/disclosure";
import { formatNumber } from "../../format";
import type { MeasureKey } from "./api";
import type { Period } from "./drafts";
import { MeasureForm } from "./measure-form";

export interface MeasureContext {
  contractId: string;
  manage: boolean;
  /** The period the form proposes (the page's, or this year). */
  period: Period;
  fiches: { id: string; number: number; title: string }[];
  /** The fiches linked to what is shown, offered first. */
  linked: string[];
  /** The labels of the measures, as the API names them. */
  labels: Record<string, string>;
}

export function MeasuredCount({ context, measure, value, words }: { context: MeasureContext; measure: MeasureKey; value: number; words: string }) {
  const disclosure = useDisclosure();
  const [said, setSaid] = useState("");
  const label = context.labels[measure] ?? words;
  return (
    <li className="cles-amb-count">
      <span>
        <strong>{formatNumber(value)}</strong> {words}
      </span>
      {context.manage && !disclosure.open && (
        <Button
          ref={disclosure.trigger}
          type="button"
          size="small"
          priority="tertiary"
          iconId="fr-icon-line-chart-line"
          iconPosition="left"
          onClick={() => {
            setSaid("");
            disclosure.show();
          }}
        >
          Enregistrer comme mesure<span className={fr.cx("fr-sr-only")}>{` : ${label}`}</span>
        </Button>
      )}
      <p role="status" className={said ? fr.cx("fr-text--sm", "fr-mb-0") : fr.cx("fr-sr-only")}>
        {said}
      </p>
      {disclosure.open && (
        <MeasureForm
          contractId={context.contractId}
          measure={measure}
          label={label}
          period={context.period}
          fiches={context.fiches}
          linked={context.linked}
          onDone={(message) => {
            setSaid(message);
            disclosure.close();
          }}
          onCancel={disclosure.close}
        />
      )}
    </li>
  );
}
