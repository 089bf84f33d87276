/** The meetings of a contract: upcoming first (soonest first), then past ones (latest first). */
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMeetings, type MeetingItem } from "../../api/governance";
import { useContract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { plural } from "../../format";
import { frenchSchedule } from "./parisTime";
import "./governance.css";

/** One meeting in a list: its title (a link), when, which body, where, how many came. */
export function MeetingLine({ contractId, meeting: m, headingLevel = 3 }: { contractId: string; meeting: MeetingItem; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  const cancelled = !!m.cancelledAt;
  return (
    <li className={cancelled ? "cles-cancelled" : undefined}>
      <Heading className={fr.cx("fr-h6", "fr-mb-1v")}>
        <Link to={`/contrats/${contractId}/reunions/${m.id}`} className={cancelled ? "cles-cancelled-title" : undefined}>
          {m.title}
        </Link>
        {cancelled && (
          <>
            {" "}
            <Badge small severity="error" as="span">
              Annulée
            </Badge>
          </>
        )}
      </Heading>
      <p>{frenchSchedule(m.startsAt, m.endsAt)}</p>
      <p className={fr.cx("fr-text--sm")}>{[m.bodyName, m.place, m.headCount !== null ? plural(m.headCount, "participant", "participants") : null].filter(Boolean).join(" · ")}</p>
    </li>
  );
}

export function splitMeetings(items: MeetingItem[], now = Date.now()) {
  const upcoming = items.filter((m) => Date.parse(m.endsAt) >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((m) => Date.parse(m.endsAt) < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

export function MeetingListPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const meetings = useMeetings(contractId);
  const [bodyId, setBodyId] = useState("");
  if (contract.isPending || meetings.isPending) return <Loading label="Chargement des réunions…" />;
  if (contract.error || meetings.error) return <ErrorMessage error={contract.error ?? meetings.error} title="Les réunions n'ont pas pu être chargées" />;
  const c = contract.data;
  const bodies = [...new Map(meetings.data.items.map((m) => [m.bodyId, m.bodyName])).entries()];
  const shown = meetings.data.items.filter((m) => !bodyId || m.bodyId === bodyId);
  const { upcoming, past } = splitMeetings(shown);
  return (
    <Page
      title="Réunions"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
      ]}
      actions={
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left")}>
          {c.permissions.manageGovernance && (
            <li>
              <Link className={fr.cx("fr-btn", "fr-icon-add-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/reunions/nouvelle`}>
                Nouvelle réunion
              </Link>
            </li>
          )}
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-calendar-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/calendrier`}>
              Calendrier
            </Link>
          </li>
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-government-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/gouvernance`}>
              Instances
            </Link>
          </li>
        </ul>
      }
    >
      {meetings.data.items.length === 0 ? (
        <EmptyState title="Aucune réunion enregistrée pour l'instant.">
          {c.permissions.manageGovernance && <p>Enregistrez la prochaine réunion d'une instance avec « Nouvelle réunion ».</p>}
        </EmptyState>
      ) : (
        <>
          {bodies.length > 1 && (
            <Select className="cles-narrow" label="Instance" nativeSelectProps={{ value: bodyId, onChange: (e) => setBodyId(e.target.value) }}>
              <option value="">Toutes les instances</option>
              {bodies.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </Select>
          )}
          <p role="status" className={fr.cx("fr-sr-only")}>
            {plural(shown.length, "réunion", "réunions")}
          </p>
          <section aria-labelledby="a-venir">
            <h2 id="a-venir" className={fr.cx("fr-h4")}>{`À venir (${upcoming.length})`}</h2>
            {upcoming.length ? (
              <ul className="cles-meeting-list">
                {upcoming.map((m) => (
                  <MeetingLine key={m.id} contractId={c.id} meeting={m} />
                ))}
              </ul>
            ) : (
              <p className="cles-empty">Aucune réunion prévue.</p>
            )}
          </section>
          <section aria-labelledby="passees">
            <h2 id="passees" className={fr.cx("fr-h4")}>{`Passées (${past.length})`}</h2>
            {past.length ? (
              <ul className="cles-meeting-list">
                {past.map((m) => (
                  <MeetingLine key={m.id} contractId={c.id} meeting={m} />
                ))}
              </ul>
            ) : (
              <p className="cles-empty">Aucune réunion passée.</p>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
