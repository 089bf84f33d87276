/** The members' answers to the evaluation questionnaire, aggregated per question (anonymous). */
import { fr } from "@codegouvfr/react-dsfr";
import type { Evaluation } from "../../api/reports";
import { formatNumber as number, plural } from "../../format";

type Result = Evaluation["answers"][number];

export function AggregatedAnswers({ results, headingLevel = 4 }: { results: Result[]; headingLevel?: 3 | 4 }) {
  const H = `h${headingLevel}` as "h3" | "h4";
  if (!results.length) return null;
  return (
    <div>
      {results.map((r) => (
        <div key={r.question.id} className={fr.cx("fr-mb-3w")}>
          <H className={fr.cx("fr-text--md", "fr-mb-1w")}>{r.question.label}</H>
          <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>{r.n === 0 ? "Aucune réponse." : `${plural(r.n, "réponse")}${r.mean != null ? ` — moyenne ${number(r.mean)} sur 5` : ""}`}</p>
          {r.counts && r.n > 0 && (
            <div className={fr.cx("fr-table", "fr-table--no-caption", "fr-mb-0")}>
              <table>
                <caption>{`Répartition des notes : ${r.question.label}`}</caption>
                <thead>
                  <tr>
                    {[1, 2, 3, 4, 5].map((v) => (
                      <th key={v} scope="col">{`Note ${v}`}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {r.counts.map((c, i) => (
                      <td key={i}>{number(c)}</td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          )}
          {r.choices && r.n > 0 && (
            <ul>
              {r.choices.map((c) => (
                <li key={c.choice}>{`${c.choice} : ${number(c.count)}`}</li>
              ))}
            </ul>
          )}
          {r.texts && r.texts.length > 0 && (
            <ul>
              {r.texts.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
