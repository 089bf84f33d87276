/**
 * The tables of one session of a workshop (the coordination only: names of residents):
 * compose them (places fixed are kept), or take another session's; move people by drag and
 * drop or with the keyboard; fix places; save, and see each table's new diversity score.
 * Every change is said politely to screen readers.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { useContract, type Contract } from "../../api/queries";
import { useArrangeTables, useComposeTables, useTables, useWorkshop, type Tables, type Workshop } from "../../api/workshops";
import { DocumentDownload } from "../../components/DocumentDownload";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { scoreTables } from "../../../server/shared";
import { formatNumber, frenchSchedule } from "../../format";
import { TablesBoard } from "./tables-board";
import { keptLocks, layoutOf, movePerson, sameSeating, swapPeople, type Destination, type Layout, type MoveResult } from "./tables-moves";
import "./workshop.css";

export function TablesPage() {
  const { contractId = "", workshopId = "", sessionId = "" } = useParams();
  const contract = useContract(contractId);
  const workshop = useWorkshop(workshopId);
  const mayRead = workshop.data?.permissions.readResidents ?? false;
  const tables = useTables(sessionId, mayRead);
  const [said, setSaid] = useState("");
  if (contract.isPending || workshop.isPending) return <Loading label="Chargement des tables…" />;
  if (contract.error || workshop.error) return <ErrorMessage error={contract.error ?? workshop.error} title="Les tables n'ont pas pu être chargées" />;
  const w = workshop.data;
  const back = `/contrats/${contractId}/ateliers/${workshopId}`;
  if (!mayRead)
    return (
      <NotAllowed title="Vous ne pouvez pas voir les tables">
        Les tables nomment les personnes inscrites : seule la coordination du contrat les voit. <Link to={back}>Revenir à l'atelier</Link>
      </NotAllowed>
    );
  const number = w.sessions.findIndex((s) => s.id === sessionId) + 1;
  const session = w.sessions[number - 1];
  if (!session) return <ErrorMessage error={new Error("Cette séance n'appartient pas à cet atelier.")} title="Séance introuvable" />;
  if (tables.isPending) return <Loading label="Chargement des tables…" />;
  if (tables.error) return <ErrorMessage error={tables.error} title="Les tables n'ont pas pu être chargées" />;
  return (
    <Page
      title={`Tables de la séance ${number}`}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: contract.data.name, to: `/contrats/${contractId}` },
        { label: "Ateliers des habitants", to: `/contrats/${contractId}/ateliers` },
        { label: w.title, to: back },
      ]}
    >
      <p>{`${w.title} — ${frenchSchedule(session.startsAt, session.endsAt)}, ${session.place}.`}</p>
      <p aria-live="polite" className={said ? fr.cx("fr-text--bold") : fr.cx("fr-sr-only")}>
        {said}
      </p>
      <TablesEditor key={seatingKey(tables.data)} view={tables.data} workshop={w} contract={contract.data} sessionId={sessionId} say={setSaid} />
    </Page>
  );
}

const total = (n: number) => formatNumber(Math.round(n * 100) / 100);

/** What the editor starts from: a refetch with the same seating keeps the changes in progress. */
const seatingKey = (view: Tables) => JSON.stringify(view.tables.map((t) => t.people.map((p) => `${p.id}${p.locked ? "!" : ""}`)));

function TablesEditor({ view, workshop: w, contract, sessionId, say }: { view: Tables; workshop: Workshop; contract: Contract; sessionId: string; say: (message: string) => void }) {
  const saved = useMemo(() => layoutOf(view), [view]);
  const [layout, setLayout] = useState<Layout>(saved);
  const [locked, setLocked] = useState<Set<string>>(() => new Set(view.tables.flatMap((t) => t.people.filter((p) => p.locked).map((p) => p.id))));
  const [picked, setPicked] = useState<string | null>(null);
  // The button pressed disappears (« Placer ici », « Déplacer »…): the focus goes to the person's next one.
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);
  const [asking, setAsking] = useState<{ fromSessionId: string | null } | null>(null);
  const arrange = useArrangeTables(sessionId);
  const compose = useComposeTables(sessionId);
  const names = useMemo(() => new Map([...view.tables.flatMap((t) => t.people), ...view.unseated].map((p) => [p.id, p.name])), [view]);
  const nameOf = (id: string) => names.get(id) ?? "Une personne";
  const communes = useMemo(() => new Map(contract.communes.map((c) => [c.inseeCode, c.name])), [contract.communes]);
  const savedLocks = useMemo(() => new Set(view.tables.flatMap((t) => t.people.filter((p) => p.locked).map((p) => p.id))), [view]);
  const locksChanged = savedLocks.size !== locked.size || [...locked].some((id) => !savedLocks.has(id));
  const dirty = !sameSeating(layout, saved) || locksChanged;
  // The documented score of the seating on the page, by the server's own function.
  const live = useMemo(() => scoreTables(view.profiles, layout.tables), [view.profiles, layout.tables]);
  const changed = new Set(layout.tables.flatMap((ids, t) => (sameSeating({ tables: [ids], unseated: [] }, { tables: [saved.tables[t] ?? []], unseated: [] }) ? [] : [t])));
  const seated = saved.tables.flat().length;
  const others = w.sessions.map((s, i) => ({ ...s, number: i + 1 })).filter((s) => s.id !== sessionId);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const context = { maxPerTable: view.maxPerTable, locked, nameOf };
  const apply = (result: MoveResult, moved: string) => {
    if (result.ok) {
      setLayout(result.layout);
      setPicked(null);
      if (picked) setFocus(`deplacer-${moved}`);
    }
    say(result.ok ? `${result.message} Score total : ${total(scoreTables(view.profiles, result.layout.tables).score)}. Pensez à enregistrer.` : result.message);
  };
  const onMove = (id: string, to: Destination) => apply(movePerson(layout, id, to, context), id);
  const onSwap = (a: string, b: string) => apply(swapPeople(layout, a, b, context), a);
  const onPick = (id: string | null) => {
    if (id) {
      say(`Déplacement de ${nameOf(id)} : choisissez « Placer ici » sur une table, « Échanger avec » sur une personne, ou « Annuler le déplacement ».`);
      setFocus(`annuler-${id}`);
    } else if (picked) {
      say(`Déplacement de ${nameOf(picked)} annulé.`);
      setFocus(`deplacer-${picked}`);
    }
    setPicked(id);
  };
  const onToggleLock = (id: string) => {
    const next = new Set(locked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setLocked(next);
    say(next.has(id) ? `La place de ${nameOf(id)} est fixée : la composition la garde.` : `La place de ${nameOf(id)} n'est plus fixée.`);
  };

  const save = () =>
    arrange.mutate(
      { tables: layout.tables, locked: keptLocks(layout, locked) },
      { onSuccess: (after) => say(`Tables enregistrées. Score total : ${total(after.score)} (avant : ${total(view.score)}).`) },
    );
  const run = async (fromSessionId: string | null) => {
    setAsking(null);
    // Places fixed but not yet saved would not be kept: the tables are saved first.
    const after = await compose.mutateAsync({ seed: 1, fromSessionId, ...(dirty ? { saveFirst: { tables: layout.tables, locked: keptLocks(layout, locked) } } : {}) });
    const from = others.find((s) => s.id === fromSessionId);
    say(`${from ? `Tables reprises de la séance ${from.number}` : "Tables composées"}. Score total : ${total(after.score)}.`);
  };
  const start = (fromSessionId: string | null) => (seated > 0 ? setAsking({ fromSessionId }) : void run(fromSessionId).catch(() => undefined));
  const pending = arrange.isPending || compose.isPending;
  const error = arrange.error ?? compose.error;

  return (
    <>
      <p>
        <strong>{`Score total : ${total(live.score)}`}</strong>
        {dirty && ` (enregistré : ${total(view.score)})`}
        {` — ${seated} personne${seated > 1 ? "s" : ""} à ${view.tables.length} tables de ${view.maxPerTable} au plus. Le score d'une table additionne sa diversité de genre, d'âge, de lieu (commune et QPV) et de situation (chacune de 0 à 1 : la chance que deux personnes de la table diffèrent), moins 10 par paire de personnes d'un même groupe.`}
      </p>
      <div className={fr.cx("fr-mb-3w")}>
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
          <li>
            <Button type="button" iconId="fr-icon-team-line" disabled={pending} onClick={() => start(null)}>
              Composer les tables
            </Button>
          </li>
          {others.map((s) => (
            <li key={s.id}>
              <Button type="button" priority="secondary" iconId="fr-icon-refresh-line" disabled={pending} onClick={() => start(s.id)}>
                {`Reprendre les tables de la séance ${s.number}`}
              </Button>
            </li>
          ))}
        </ul>
        {asking && (
          <div className={fr.cx("fr-callout", "fr-mb-2w")} role="group" aria-labelledby="recomposer">
            <p id="recomposer" className={fr.cx("fr-callout__text")}>
              {asking.fromSessionId
                ? `Les tables de cette séance seront remplacées par celles de la séance ${others.find((s) => s.id === asking.fromSessionId)?.number}, pour les personnes présentes aux deux.`
                : `${seated} personne${seated > 1 ? "s ont" : " a"} déjà une place : les places non fixées seront redistribuées (${keptLocks(layout, locked).length} fixée${keptLocks(layout, locked).length > 1 ? "s" : ""} gardée${keptLocks(layout, locked).length > 1 ? "s" : ""}).`}
              {dirty ? " Vos changements sont enregistrés d'abord." : ""}
            </p>
            <div className="cles-workshop-actions">
              <Button type="button" size="small" onClick={() => void run(asking.fromSessionId).catch(() => undefined)}>
                {asking.fromSessionId ? "Reprendre les tables" : "Recomposer les tables"}
              </Button>
              <Button type="button" size="small" priority="tertiary" onClick={() => setAsking(null)}>
                Annuler
              </Button>
            </div>
          </div>
        )}
      </div>
      {error && <Alert severity="error" small role="alert" description={error.message} className={fr.cx("fr-mb-2w")} />}
      <p className={fr.cx("fr-text--sm")}>
        Pour déplacer une personne : glissez-la sur une table (ou sur une personne pour échanger leurs places), ou utilisez « Déplacer » puis « Placer ici » ou « Échanger avec ». Une place fixée ne bouge pas.
      </p>
      <TablesBoard view={view} layout={layout} locked={locked} picked={picked} changed={changed} scores={live.scores} communes={communes} nameOf={nameOf} onPick={onPick} onMove={onMove} onSwap={onSwap} onToggleLock={onToggleLock} />
      <div className="cles-sticky-actions">
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
          <li>
            <Button type="button" iconId="fr-icon-save-line" disabled={!dirty || pending} onClick={save}>
              {arrange.isPending ? "Enregistrement…" : "Enregistrer les tables"}
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="secondary"
              disabled={!dirty || pending}
              onClick={() => {
                setLayout(saved);
                setLocked(new Set(savedLocks));
                setPicked(null);
                say("Changements annulés : les tables enregistrées sont rétablies.");
              }}
            >
              Annuler les changements
            </Button>
          </li>
        </ul>
        {dirty && <p className={fr.cx("fr-text--sm", "fr-mb-0")}>Changements non enregistrés.</p>}
      </div>
      <section aria-labelledby="fiches-a-imprimer" className={fr.cx("fr-mt-4w")}>
        <h2 id="fiches-a-imprimer" className={fr.cx("fr-h5")}>
          Fiches à imprimer
        </h2>
        <p className={fr.cx("fr-text--sm")}>
          {`Les listes des tables (prénoms seulement), le plan de rotation avec ses horaires et une fiche d'animation par table, d'après les tables enregistrées.${dirty ? " Enregistrez d'abord vos changements pour qu'ils y figurent." : ""}`}
        </p>
        <div className="cles-workshop-actions">
          <DocumentDownload label="Télécharger les fiches (PDF)" href={`/api/workshop-sessions/${sessionId}/sheets.pdf`} />
          <DocumentDownload label="Télécharger les fiches (Word)" href={`/api/workshop-sessions/${sessionId}/sheets.docx`} />
        </div>
      </section>
    </>
  );
}
