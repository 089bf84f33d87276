/**
 * The syntheses of a workshop, per topic: the workshop's (linked to the topic's fiches, shown
 * on their follow-up and in the quarterly review), and each table's in each session. The
 * coordination writes them; every reader of the contract reads them (they are anonymous).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import { useSaveSynthesis, type Workshop, type WorkshopTopic } from "../../api/workshops";
import { formatDateTime, frenchDay } from "../../format";

type Place = { sessionId: string | null; tableIndex: number | null };

const textOf = (w: Workshop, topicId: string, place: Place) =>
  w.syntheses.find((s) => s.topicId === topicId && s.sessionId === place.sessionId && s.tableIndex === place.tableIndex);

/** One synthesis: a textarea and its button for the coordination, the text for others. */
function SynthesisEditor({ workshop: w, topic, place, label, id }: { workshop: Workshop; topic: WorkshopTopic; place: Place; label: string; id: string }) {
  const saved = textOf(w, topic.id, place);
  const [text, setText] = useState(saved?.text ?? "");
  const [said, setSaid] = useState("");
  const save = useSaveSynthesis(w);
  if (!w.permissions.manage)
    return saved ? (
      <div className={fr.cx("fr-mb-2w")}>
        <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>{label}</p>
        <p className="cles-prewrap">{saved.text}</p>
      </div>
    ) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaid("");
    save.mutate({ topicId: topic.id, ...place, text }, { onSuccess: () => setSaid(text.trim() ? "Synthèse enregistrée." : "Synthèse effacée.") });
  };
  const changed = text !== (saved?.text ?? "");
  return (
    <form onSubmit={submit} className={fr.cx("fr-mb-3w")}>
      <Input
        label={label}
        hintText={saved ? `Enregistrée le ${formatDateTime(saved.updatedAt)}.` : "Pas encore écrite."}
        textArea
        state={save.error ? "error" : "default"}
        stateRelatedMessage={save.error?.message}
        nativeTextAreaProps={{ id, ...(save.error ? { "aria-invalid": true } : {}), rows: 4, value: text, onChange: (e) => setText(e.target.value) }}
      />
      <Button type="submit" size="small" priority={changed ? "primary" : "secondary"} disabled={save.isPending}>
        {save.isPending ? "Enregistrement…" : "Enregistrer"}
        <span className={fr.cx("fr-sr-only")}>{` : ${label}`}</span>
      </Button>
      <span role="status" className={fr.cx("fr-ml-2w", "fr-text--sm")}>
        {said}
      </span>
    </form>
  );
}

export function SynthesesSection({ workshop: w }: { workshop: Workshop }) {
  const tables = Array.from({ length: w.tableCount }, (_, i) => i);
  const anyText = w.syntheses.length > 0;
  return (
    <section aria-labelledby="syntheses" className={fr.cx("fr-mb-6w")}>
      <h2 id="syntheses" className={fr.cx("fr-h4")}>
        Synthèses
      </h2>
      {!w.permissions.manage && !anyText && <p className="cles-empty">Aucune synthèse pour l'instant.</p>}
      {w.permissions.manage && <p className={fr.cx("fr-text--sm")}>La synthèse de l'atelier sur un thème apparaît sur le suivi des fiches liées et dans la revue trimestrielle. Un texte vide efface la synthèse.</p>}
      {w.topics.map((t, n) => {
        const tableTexts = w.syntheses.filter((s) => s.topicId === t.id && s.sessionId !== null).length;
        return (
          <article key={t.id} aria-labelledby={`synthese-${t.id}`} className={fr.cx("fr-mb-4w")}>
            <h3 id={`synthese-${t.id}`} className={fr.cx("fr-h5")}>{`Thème ${n + 1} : ${t.title}`}</h3>
            <SynthesisEditor workshop={w} topic={t} place={{ sessionId: null, tableIndex: null }} label={`Synthèse de l'atelier sur « ${t.title} »`} id={`synthese-${t.id}-atelier`} />
            {w.sessions.length > 0 && (w.permissions.manage || tableTexts > 0) && (
              <details className="cles-details">
                <summary>{`Synthèses des tables (${tableTexts} écrite${tableTexts > 1 ? "s" : ""})`}</summary>
                {w.sessions.map((s, i) => (
                  <div key={s.id} className={fr.cx("fr-mt-2w")}>
                    <h4 className={fr.cx("fr-h6", "fr-mb-1w")}>{`Séance ${i + 1} (${frenchDay(s.startsAt)})`}</h4>
                    {tables.map((table) => (
                      <SynthesisEditor
                        key={table}
                        workshop={w}
                        topic={t}
                        place={{ sessionId: s.id, tableIndex: table }}
                        label={`Table ${table + 1}, séance ${i + 1} : « ${t.title} »`}
                        id={`synthese-${t.id}-${s.id}-${table}`}
                      />
                    ))}
                  </div>
                ))}
              </details>
            )}
          </article>
        );
      })}
    </section>
  );
}
