/**
 * The results split by a profile question (commune, QPV, age band): one table per choice,
 * ranking or scale question, a row per group, a column per option (first choices for a
 * ranking, values for a scale), each cell the count and its share of the group.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { formatNumber } from "../../format";
import type { CrossTab } from "./survey-api";
import { DataTable } from "./results-kit";
import { percentText, shareOf } from "./results-format";

export function CrossTabs({ tabs, by }: { tabs: CrossTab[]; by: { id: string; label: string } }) {
  if (tabs.length === 0) return <p className="cles-empty">Aucune question à choix, à classer ou à échelle à croiser.</p>;
  return (
    <>
      <p className={fr.cx("fr-text--sm")}>
        {`Chaque case donne le nombre de personnes du groupe et, entre parenthèses, leur part parmi les personnes du groupe qui ont répondu à la question. Pour un classement : les premiers choix.`}
      </p>
      {tabs.map((t) => (
        <CrossTable key={t.questionId} tab={t} by={by} />
      ))}
    </>
  );
}

function CrossTable({ tab: t, by }: { tab: CrossTab; by: { label: string } }) {
  return (
    <DataTable caption={`« ${t.label} » selon « ${by.label} »`} showCaption>
      <thead>
        <tr>
          <th scope="col">{by.label}</th>
          <th scope="col">Personnes</th>
          {t.columns.map((c) => (
            <th key={c.id} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {t.rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            <td>{formatNumber(row.respondents)}</td>
            {row.counts.map((n, i) => (
              <td key={t.columns[i]?.id ?? i}>
                {formatNumber(n)}
                {row.respondents > 0 && <span className={fr.cx("fr-hint-text")}>{`(${percentText(shareOf(n, row.respondents))})`}</span>}
              </td>
            ))}
          </tr>
        ))}
        {t.rows.length === 0 && (
          <tr>
            <td colSpan={t.columns.length + 2}>Aucune réponse pour le moment.</td>
          </tr>
        )}
      </tbody>
    </DataTable>
  );
}
