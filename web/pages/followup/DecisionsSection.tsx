/** Décisions qui la concernent: the decisions of meetings linked to the fiche, newest meeting first (issue 15, item 14). */
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../../api/client";
import type { ItemOf, ResponseOf } from "../../api/types";
import { meetingDay, PlainText, QueryList, Section } from "./kit";

type Decisions = ResponseOf<"/api/actions/{actionId}/decisions", "get">;
type Decision = ItemOf<Decisions>;

/** Under the fiche's key: a fiche's changes refresh it with the rest of its follow-up; a meeting saved refetches on the next visit. */
const useFicheDecisions = (actionId: string) =>
  useQuery({ queryKey: ["actions", actionId, "decisions"], queryFn: ({ signal }) => api<Decisions>(`/actions/${actionId}/decisions`, { signal }) });

export function DecisionsSection({ actionId, contractId }: { actionId: string; contractId: string }) {
  const decisions = useFicheDecisions(actionId);
  return (
    <Section id="decisions" title="Décisions qui la concernent" intro="Les décisions des réunions du contrat qui désignent cette fiche.">
      <QueryList query={decisions} loading="Chargement des décisions…" failed="Les décisions n'ont pas pu être chargées" empty="Aucune décision de réunion ne concerne cette fiche.">
        {(d: Decision) => (
          <li key={`${d.meetingId}-${d.index}`}>
            <p className="fr-mb-1v">
              <strong>{meetingDay(d.startsAt)}</strong>
              {" · "}
              <Link to={`/contrats/${contractId}/reunions/${d.meetingId}`}>{d.meetingTitle}</Link>
            </p>
            <p>
              <PlainText text={d.text} />
            </p>
          </li>
        )}
      </QueryList>
    </Section>
  );
}
