/** The contract's meetings month by month, and the secret address to subscribe to them from a calendar application. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { api, ApiError } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { governanceKeys, useCalendarFeed, useMeetings, type MeetingItem } from "../../api/governance";
import { useContract, type Contract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { MeetingLine } from "./MeetingListPage";
import { frenchMonth, frenchSchedule, parisParts } from "./parisTime";
import "./governance.css";

const resetModal = createModal({ id: "renouveler-adresse", isOpenedByDefault: false });

/** Meetings grouped by their Paris month ("2021-09"), months and meetings in date order. */
export function byMonth(items: MeetingItem[]): [string, MeetingItem[]][] {
  const months = new Map<string, MeetingItem[]>();
  for (const m of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const month = parisParts(m.startsAt).date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), m]);
  }
  return [...months.entries()];
}

export function CalendarPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const meetings = useMeetings(contractId);
  if (contract.isPending || meetings.isPending) return <Loading label="Chargement du calendrier…" />;
  if (contract.error || meetings.error) return <ErrorMessage error={contract.error ?? meetings.error} title="Le calendrier n'a pas pu être chargé" />;
  const c = contract.data;
  const months = byMonth(meetings.data.items);
  const now = Date.now();
  const next = meetings.data.items.filter((m) => Date.parse(m.endsAt) >= now && !m.cancelledAt).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  return (
    <Page
      title="Calendrier des réunions"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
      ]}
      actions={
        <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-team-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/reunions`}>
          Liste des réunions
        </Link>
      }
    >
      {next ? (
        <p className={fr.cx("fr-text--lead")}>
          {"Prochaine réunion : "}
          <Link to={`/contrats/${c.id}/reunions/${next.id}`}>{next.title}</Link>
          {`, ${frenchSchedule(next.startsAt, next.endsAt)}.`}
        </p>
      ) : (
        <p>Aucune réunion à venir pour l'instant.</p>
      )}
      {months.length === 0 ? (
        <EmptyState title="Aucune réunion enregistrée pour l'instant." />
      ) : (
        <>
          <nav aria-label="Mois du calendrier" className={fr.cx("fr-mb-4w")}>
            <ul className="cles-month-links">
              {months.map(([month]) => (
                <li key={month}>
                  <a href={`#mois-${month}`}>{frenchMonth(month)}</a>
                </li>
              ))}
            </ul>
          </nav>
          {months.map(([month, items]) => (
            <section key={month} aria-labelledby={`mois-${month}`} className="cles-month">
              <h2 id={`mois-${month}`} className={fr.cx("fr-h4")}>
                {frenchMonth(month).replace(/^./, (x) => x.toUpperCase())}
              </h2>
              <ul className="cles-meeting-list">
                {items.map((m) => (
                  <MeetingLine key={m.id} contractId={c.id} meeting={m} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      <Subscription contract={c} />
    </Page>
  );
}

function Subscription({ contract }: { contract: Contract }) {
  const feed = useCalendarFeed(contract.id);
  const queryClient = useQueryClient();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: () => api<ResponseOf<"/api/contracts/{contractId}/calendar-feed/reset", "post">>(`/contracts/${contract.id}/calendar-feed/reset`, { method: "POST" }),
    onSuccess: (data) => {
      queryClient.setQueryData(governanceKeys.feed(contract.id), data);
      setCopied(null);
    },
  });
  const copy = async () => {
    const url = feed.data?.url ?? "";
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Adresse copiée dans le presse-papiers.");
    } catch {
      // No clipboard (insecure context, refused): the address is selected for Ctrl+C.
      field.current?.select();
      setCopied("Copie impossible ici : l'adresse est sélectionnée, copiez-la avec Ctrl+C (ou Cmd+C).");
    }
  };
  return (
    <section aria-labelledby="abonnement" className={fr.cx("fr-mt-6w", "fr-mb-6w")}>
      <h2 id="abonnement" className={fr.cx("fr-h3")}>
        S'abonner depuis votre agenda
      </h2>
      <p>
        Ajoutez cette adresse à votre agenda (Outlook, Thunderbird, Google Agenda, Calendrier d'Apple…) : les réunions du contrat y apparaissent et se mettent à jour d'elles-mêmes, sans
        connexion à Clés.
      </p>
      {feed.isPending ? (
        <Loading label="Chargement de l'adresse d'abonnement…" />
      ) : feed.error ? (
        <Alert severity="error" small description={feed.error.message} />
      ) : (
        <>
          <div className="cles-copy-row">
            <Input label="Adresse d'abonnement" nativeInputProps={{ ref: field, readOnly: true, value: feed.data.url, className: "cles-feed-url", onFocus: (e) => e.target.select() }} />
            <Button iconId="fr-icon-clipboard-line" priority="secondary" onClick={() => void copy()}>
              Copier l'adresse
            </Button>
          </div>
          <p role="status" className={fr.cx("fr-text--sm", "fr-mt-1w")}>
            {copied}
          </p>
          <Alert
            severity="info"
            small
            // Written with the page, not news: not read out at every load (a live role would).
            role={undefined}
            className={fr.cx("fr-mb-3w")}
            description="Cette adresse est secrète : toute personne qui la connaît voit les dates, lieux et ordres du jour des réunions. Ne la publiez pas ; si elle a circulé, la coordination peut la renouveler."
          />
        </>
      )}
      <h3 className={fr.cx("fr-h6")}>Comment s'abonner</h3>
      <dl className="cles-dl">
        <dt>Outlook</dt>
        <dd>Dans le Calendrier, « Ajouter un calendrier », puis « S'abonner à partir du web » (ou « À partir d'Internet ») : collez l'adresse et validez.</dd>
        <dt>Thunderbird</dt>
        <dd>Dans l'Agenda, « Nouvel agenda… », « Sur le réseau » : collez l'adresse comme emplacement, puis « Rechercher des agendas » et « S'abonner ».</dd>
        <dt>Google Agenda</dt>
        <dd>Sur ordinateur, à côté de « Autres agendas », « + » puis « À partir de l'URL » : collez l'adresse puis « Ajouter un agenda ». Google la relit toutes les quelques heures.</dd>
      </dl>
      {contract.permissions.manageGovernance && (
        <>
          <Button priority="tertiary" iconId="fr-icon-refresh-line" nativeButtonProps={resetModal.buttonProps} disabled={reset.isPending}>
            Renouveler l'adresse
          </Button>
          <div aria-live="polite">{reset.isSuccess && <Alert severity="success" small description="Nouvelle adresse créée : l'ancienne ne fonctionne plus. Transmettez la nouvelle aux personnes abonnées." className={fr.cx("fr-mt-2w")} />}</div>
          {reset.error && <Alert severity="error" small role="alert" description={reset.error instanceof ApiError ? reset.error.detail : reset.error.message} className={fr.cx("fr-mt-2w")} />}
          <resetModal.Component
            title="Renouveler l'adresse d'abonnement ?"
            buttons={[
              { children: "Garder l'adresse actuelle", priority: "secondary" },
              { children: "Renouveler l'adresse", onClick: () => reset.mutate() },
            ]}
          >
            L'adresse actuelle cessera de fonctionner : les agendas abonnés ne recevront plus les réunions tant qu'on ne leur aura pas donné la nouvelle adresse.
          </resetModal.Component>
        </>
      )}
    </section>
  );
}
