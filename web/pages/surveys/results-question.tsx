/**
 * One question's results: choices (count and share per option, « Autre » texts), ranked
 * priorities (mean rank, first choices), a scale's distribution with its mean and median,
 * free texts listed. Each chart has its table beside it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { formatNumber, plural } from "../../format";
import type { QuestionResult } from "./survey-api";
import { ChartAndTable, DataTable } from "./results-kit";
import { decimalText, percentText } from "./results-format";

type Of<K extends QuestionResult["kind"]> = Extract<QuestionResult, { kind: K }>;

/** `publicView`: the public page, where free texts are not shown (the server sends none). */
export function QuestionResults({ result, index, publicView = false }: { result: QuestionResult; index: number; publicView?: boolean }) {
  const headingId = `resultat-${result.questionId}`;
  return (
    <article aria-labelledby={headingId} className="cles-survey-result">
      <h3 id={headingId} className={fr.cx("fr-h5", "fr-mb-1v")}>
        <span className="cles-survey-result__number">{`Question ${index + 1}. `}</span>
        {result.label}
      </h3>
      <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>{result.respondents === 0 ? "Personne n'a répondu à cette question." : `${plural(result.respondents, "personne a répondu", "personnes ont répondu")} à cette question.`}</p>
      {result.respondents > 0 &&
        (result.kind === "choice" ? (
          <ChoiceResults result={result} publicView={publicView} />
        ) : result.kind === "ranking" ? (
          <RankingResults result={result} />
        ) : result.kind === "scale" ? (
          <ScaleResults result={result} />
        ) : (
          <TextResults result={result} publicView={publicView} />
        ))}
    </article>
  );
}

function ChoiceResults({ result: r, publicView }: { result: Of<"choice">; publicView: boolean }) {
  const several = r.questionKind === "multiple";
  return (
    <>
      {several && <p className={fr.cx("fr-text--sm")}>Plusieurs choix étaient possibles : chaque personne compte pour chacun de ses choix, et les parts ne s'additionnent pas à 100 %.</p>}
      <ChartAndTable
        chart={{ description: `Nombre de personnes par réponse à la question « ${r.label} »`, labels: r.options.map((o) => o.label), values: r.options.map((o) => o.count), axisName: "Nombre de personnes" }}
        table={
          <DataTable caption={`Réponses à « ${r.label} » : nombre et part des ${plural(r.respondents, "personne")} qui ont répondu`}>
            <thead>
              <tr>
                <th scope="col">Réponse</th>
                <th scope="col">Nombre</th>
                <th scope="col">Part</th>
              </tr>
            </thead>
            <tbody>
              {r.options.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.label}</th>
                  <td>{formatNumber(o.count)}</td>
                  <td>{percentText(o.percent)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        }
      />
      {!publicView && r.otherTexts.length > 0 && (
        <details className="cles-details fr-mb-2w">
          <summary>{`Précisions « Autre » (${r.otherTexts.length})`}</summary>
          <ul className={fr.cx("fr-mt-1w")}>
            {r.otherTexts.map((t, i) => (
              <li key={i} className="cles-prewrap">
                {t}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function RankingResults({ result: r }: { result: Of<"ranking"> }) {
  return (
    <>
      <p className={fr.cx("fr-text--sm")}>
        Priorités dans l'ordre des classements : rang moyen parmi les personnes qui ont classé le choix (1 = le plus important), et nombre de fois où il a été classé en premier.
      </p>
      <ChartAndTable
        chart={{ description: `Nombre de premiers choix par thème, question « ${r.label} »`, labels: r.options.map((o) => o.label), values: r.options.map((o) => o.firstChoices), axisName: "Nombre de premiers choix" }}
        table={
          <DataTable caption={`Priorités classées, question « ${r.label} »`}>
            <thead>
              <tr>
                <th scope="col">Priorité</th>
                <th scope="col">Choix</th>
                <th scope="col">Rang moyen</th>
                <th scope="col">1er choix</th>
                <th scope="col">Classé par</th>
              </tr>
            </thead>
            <tbody>
              {r.options.map((o) => (
                <tr key={o.id}>
                  <td>{formatNumber(o.priority)}</td>
                  <th scope="row">{o.label}</th>
                  <td>{decimalText(o.meanRank)}</td>
                  <td>{formatNumber(o.firstChoices)}</td>
                  <td>{plural(o.rankedBy, "personne")}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        }
      />
    </>
  );
}

function ScaleResults({ result: r }: { result: Of<"scale"> }) {
  const first = r.distribution[0];
  const last = r.distribution[r.distribution.length - 1];
  const valueLabel = (value: number) => (value === first?.value && r.minLabel ? `${value} (${r.minLabel})` : value === last?.value && r.maxLabel ? `${value} (${r.maxLabel})` : String(value));
  return (
    <>
      <p>
        Moyenne : <strong>{decimalText(r.mean)}</strong> — médiane : <strong>{decimalText(r.median)}</strong>
        {first && last ? ` (sur une échelle de ${first.value} à ${last.value})` : ""}
      </p>
      <ChartAndTable
        chart={{ description: `Répartition des notes, question « ${r.label} »`, labels: r.distribution.map((d) => valueLabel(d.value)), values: r.distribution.map((d) => d.count), axisName: "Nombre de personnes" }}
        table={
          <DataTable caption={`Répartition des notes, question « ${r.label} »`}>
            <thead>
              <tr>
                <th scope="col">Note</th>
                <th scope="col">Nombre</th>
                <th scope="col">Part</th>
              </tr>
            </thead>
            <tbody>
              {r.distribution.map((d) => (
                <tr key={d.value}>
                  <th scope="row">{valueLabel(d.value)}</th>
                  <td>{formatNumber(d.count)}</td>
                  <td>{percentText(d.percent)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        }
      />
    </>
  );
}

function TextResults({ result: r, publicView }: { result: Of<"text">; publicView: boolean }) {
  if (publicView) return <p className="cles-empty">Les réponses libres ne sont pas publiées : elles pourraient permettre de reconnaître des personnes.</p>;
  if (r.texts.length === 0) return null;
  return (
    <details className="cles-details" open={r.texts.length <= 10}>
      <summary>{`Les ${plural(r.texts.length, "réponse")}`}</summary>
      {/* A long list scrolls: it takes the focus so that the keyboard scrolls it too. */}
      <ul className="cles-survey-texts" tabIndex={0} aria-label={`Réponses libres à la question « ${r.label} »`}>
        {r.texts.map((t, i) => (
          <li key={i} className="cles-prewrap">
            {t}
          </li>
        ))}
      </ul>
    </details>
  );
}
