/**
 * The tables of a session as cards: each table's people, its diversity score, lock toggles,
 * and two ways of moving people that do the same thing (tables-moves.ts): drag and drop,
 * and the keyboard — « Déplacer » picks a person up, then « Placer ici » on a table with room,
 * « Échanger avec … » on a person of another table, or « Laisser sans table ». The buttons
 * « Déplacer » and « Annuler le déplacement » have ids (deplacer-…, annuler-…) the page
 * moves the focus to once the button pressed is gone.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState, type DragEvent } from "react";
import { AGE_BANDS, GENDERS } from "../../../server/shared";
import type { SeatedTable, Tables } from "../../api/workshops";
import { formatNumber } from "../../format";
import { placeOf, type Destination, type Layout } from "./tables-moves";

export interface BoardProps {
  view: Tables;
  layout: Layout;
  locked: ReadonlySet<string>;
  /** The person picked up with the keyboard, if any. */
  picked: string | null;
  /** Tables whose people differ from the saved ones (not saved yet). */
  changed: ReadonlySet<number>;
  /** Each table's score as it stands on the page, recomputed at every move. */
  scores: readonly SeatedTable["score"][];
  communes: ReadonlyMap<string, string>;
  nameOf: (id: string) => string;
  onPick: (id: string | null) => void;
  onMove: (id: string, to: Destination) => void;
  onSwap: (a: string, b: string) => void;
  onToggleLock: (id: string) => void;
}

const DRAG_TYPE = "application/x-cles-registration";
const score = (n: number) => formatNumber(Math.round(n * 100) / 100);

/** « Score 2,35 — diversité : genre 0,6 ; âge 0,73 ; lieu 0,53 ; situation 0,47 », and household pairs if any. */
export function scoreText(s: SeatedTable["score"]): string {
  const d = s.diversity;
  const clashes = s.householdClashes ? ` ; ${s.householdClashes} paire${s.householdClashes > 1 ? "s" : ""} d'un même groupe (−10 chacune)` : "";
  return `Score ${score(s.score)} — diversité : genre ${score(d.gender)} ; âge ${score(d.ageBand)} ; lieu ${score(d.place)} ; situation ${score(d.category)}${clashes}`;
}

function useDrop(onDropId: (id: string) => void) {
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "move";
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: DragEvent) => {
        const id = e.dataTransfer.getData(DRAG_TYPE);
        setOver(false);
        if (!id) return;
        e.preventDefault();
        e.stopPropagation();
        onDropId(id);
      },
    },
  };
}

function PersonRow({ id, place, props }: { id: string; place: Destination; props: BoardProps }) {
  const { view, locked, picked, nameOf, onPick, onSwap, onToggleLock, communes } = props;
  const name = nameOf(id);
  const info = view.tables.flatMap((t) => t.people).find((p) => p.id === id);
  const isLocked = locked.has(id);
  const isPicked = picked === id;
  const pickedPlace = picked ? placeOf(props.layout, picked) : null;
  const mayMove = !isLocked;
  // Dropped on a person of another table: the two trade places.
  const drop = useDrop((dragged) => dragged !== id && onSwap(dragged, id));
  const where = place === "unseated" ? "sans table" : `table ${place + 1}`;
  return (
    <li
      className={isPicked ? "cles-picked" : undefined}
      draggable={mayMove}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, id);
        e.dataTransfer.effectAllowed = "move";
      }}
      {...(mayMove ? drop.handlers : {})}
    >
      <strong>{name}</strong>
      {info && (
        <span className={fr.cx("fr-hint-text")}>
          {[GENDERS[info.gender], AGE_BANDS[info.ageBand], communes.get(info.communeInsee) ?? info.communeInsee, info.household ? `groupe ${info.household}` : null].filter(Boolean).join(" · ")}
        </span>
      )}
      {place !== "unseated" && (
        <div className={fr.cx("fr-checkbox-group", "fr-checkbox-group--sm")}>
          <input id={`fixer-${id}`} type="checkbox" checked={isLocked} onChange={() => onToggleLock(id)} />
          <label className={fr.cx("fr-label")} htmlFor={`fixer-${id}`}>
            Place fixée<span className={fr.cx("fr-sr-only")}>{` : ${name} reste à la ${where} quand on compose`}</span>
          </label>
        </div>
      )}
      <div className="cles-seat-actions">
        {mayMove && !picked && (
          <Button id={`deplacer-${id}`} type="button" size="small" priority="tertiary" iconId="fr-icon-drag-move-2-line" onClick={() => onPick(id)}>
            Déplacer<span className={fr.cx("fr-sr-only")}>{` ${name} (${where})`}</span>
          </Button>
        )}
        {isPicked && (
          <Button id={`annuler-${id}`} type="button" size="small" priority="secondary" onClick={() => onPick(null)}>
            Annuler le déplacement<span className={fr.cx("fr-sr-only")}>{` de ${name}`}</span>
          </Button>
        )}
        {picked && !isPicked && mayMove && pickedPlace !== place && (
          <Button type="button" size="small" priority="tertiary" iconId="fr-icon-arrow-left-right-line" onClick={() => onSwap(picked, id)}>
            {`Échanger avec ${nameOf(picked)}`}
            <span className={fr.cx("fr-sr-only")}>{` : ${name} (${where})`}</span>
          </Button>
        )}
      </div>
    </li>
  );
}

function TableCard({ table, props }: { table: SeatedTable; props: BoardProps }) {
  const { view, layout, picked, changed, scores, onMove, nameOf } = props;
  const ids = layout.tables[table.index] ?? [];
  const full = ids.length >= view.maxPerTable;
  const drop = useDrop((id) => onMove(id, table.index));
  const moderator = view.moderators[table.index]?.name;
  const headingId = `table-${table.index}`;
  return (
    <section aria-labelledby={headingId} className={`cles-seat-table${drop.over ? " cles-drop-target" : ""}`} {...drop.handlers}>
      <h2 id={headingId} className={fr.cx("fr-h5", "fr-mb-1v")}>{`Table ${table.index + 1}`}</h2>
      <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>{`${ids.length} / ${view.maxPerTable} personnes${moderator ? ` · animation : ${moderator}` : ""}`}</p>
      <p className="cles-score">{`${changed.has(table.index) ? "Modifiée, non enregistrée — " : ""}${scoreText(scores[table.index] ?? table.score)}`}</p>
      {ids.length ? (
        <ul className="cles-seat-list">
          {ids.map((id) => (
            <PersonRow key={id} id={id} place={table.index} props={props} />
          ))}
        </ul>
      ) : (
        <p className="cles-empty">Personne à cette table.</p>
      )}
      {picked && !ids.includes(picked) && !full && (
        <Button type="button" size="small" iconId="fr-icon-arrow-down-line" onClick={() => onMove(picked, table.index)}>
          {`Placer ${nameOf(picked)} ici`}
          <span className={fr.cx("fr-sr-only")}>{` (table ${table.index + 1})`}</span>
        </Button>
      )}
      {picked && !ids.includes(picked) && full && <p className={fr.cx("fr-text--sm")}>Table complète : échangez avec une personne.</p>}
    </section>
  );
}

export function TablesBoard(props: BoardProps) {
  const { view, layout, picked, nameOf, onMove } = props;
  const drop = useDrop((id) => onMove(id, "unseated"));
  const pickedSeated = picked !== null && placeOf(layout, picked) !== "unseated";
  return (
    <>
      <div className="cles-tables">
        {view.tables.map((t) => (
          <TableCard key={t.index} table={t} props={props} />
        ))}
      </div>
      <section aria-labelledby="sans-table" className={`cles-seat-table fr-mb-4w${drop.over ? " cles-drop-target" : ""}`} {...drop.handlers}>
        <h2 id="sans-table" className={fr.cx("fr-h5")}>{`Sans table (${layout.unseated.length})`}</h2>
        <p className={fr.cx("fr-text--sm")}>Les personnes inscrites et disponibles pour cette séance qui n'ont pas de place à une table.</p>
        {layout.unseated.length ? (
          <ul className="cles-seat-list">
            {layout.unseated.map((id) => (
              <PersonRow key={id} id={id} place="unseated" props={props} />
            ))}
          </ul>
        ) : (
          <p className="cles-empty">Tout le monde a une place.</p>
        )}
        {pickedSeated && (
          <Button type="button" size="small" priority="secondary" onClick={() => onMove(picked, "unseated")}>
            {`Laisser ${nameOf(picked)} sans table`}
          </Button>
        )}
      </section>
    </>
  );
}
