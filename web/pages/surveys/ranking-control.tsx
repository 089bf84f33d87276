/**
 * A ranking question: one select per rank (« 1er choix », « 2e choix »…), each offering the
 * options; an option already placed at another rank is offered but unavailable, and says
 * where it is. Keyboard and screen readers use plain selects; nothing moves on its own.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { fieldId } from "../../components/form";
import { answerPath, ordinal, rankSlots, setRank } from "./answer-draft";
import { hintOf, QuestionLabel, type ControlProps } from "./answer-label";

export function RankingControl({ question: q, answer, setAnswer, error, controlsOthers }: ControlProps) {
  const slots = rankSlots(q);
  const ranking = Array.from({ length: slots }, (_, i) => answer?.ranking?.[i] ?? "");
  const id = fieldId(answerPath(q.id));
  const legendId = `${id}-legend`;
  const messagesId = `${id}-messages`;
  const all = slots === q.options.length;
  const hint = [hintOf(q, controlsOthers), all ? `Classez les ${slots} choix, du plus important au moins important.` : `Choisissez vos ${slots} choix les plus importants, dans l'ordre.`, "Un choix ne peut être classé qu'une fois : pour le déplacer, retirez-le d'abord de son rang."]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset id={id} className={`${fr.cx("fr-fieldset", error ? "fr-fieldset--error" : undefined)} cles-survey-question`} aria-labelledby={`${legendId} ${messagesId}`} role={error ? "group" : undefined}>
      <legend id={legendId} className={fr.cx("fr-fieldset__legend", "fr-text--regular")}>
        <QuestionLabel question={q} />
        <span className={fr.cx("fr-hint-text")}>{hint}</span>
      </legend>
      <ol className="cles-rank-list">
        {ranking.map((picked, slot) => {
          const selectId = `${id}-rang-${slot + 1}`;
          return (
            <li key={slot} className={fr.cx("fr-fieldset__element")}>
              <div className={fr.cx("fr-select-group")}>
                <label className={fr.cx("fr-label")} htmlFor={selectId}>
                  {`${ordinal(slot + 1)} choix`}
                </label>
                <select
                  id={selectId}
                  className={fr.cx("fr-select")}
                  value={picked}
                  onChange={(e) => {
                    const next = setRank(ranking, slot, e.target.value, slots);
                    setAnswer(next.some(Boolean) ? { ranking: next } : undefined);
                  }}
                >
                  <option value="">{picked ? "Retirer de ce rang" : "Choisir"}</option>
                  {q.options.map((o) => {
                    const at = ranking.indexOf(o.id);
                    const elsewhere = at >= 0 && at !== slot;
                    return (
                      <option key={o.id} value={o.id} disabled={elsewhere}>
                        {elsewhere ? `${o.label} (déjà votre ${ordinal(at + 1)} choix)` : o.label}
                      </option>
                    );
                  })}
                </select>
              </div>
            </li>
          );
        })}
      </ol>
      <div className={fr.cx("fr-messages-group")} id={messagesId}>
        {error && <p className={fr.cx("fr-message", "fr-message--error")}>{error}</p>}
      </div>
    </fieldset>
  );
}
