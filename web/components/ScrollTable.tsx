/**
 * A DSFR table whose horizontal scroll (on a small screen) can be reached with the keyboard:
 * the scrolling box is a region named by the table's caption and takes the focus, so that
 * the arrow keys move it (RGAA 7.3, axe `scrollable-region-focusable`). The DSFR's own Table
 * component leaves that box out of the tab order.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { useId, type ReactNode } from "react";

interface Props {
  caption: string;
  headers: string[];
  rows: ReactNode[][];
  /** The caption read by screen readers only. */
  hideCaption?: boolean;
  bordered?: boolean;
  /** Whether each row's first cell names the row (a header cell); true by default. */
  rowHeaders?: boolean;
}

export function ScrollTable({ caption, headers, rows, hideCaption = false, bordered = false, rowHeaders = true }: Props) {
  const id = useId();
  return (
    <div className={fr.cx("fr-table", hideCaption && "fr-table--no-caption", bordered && "fr-table--bordered")}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" role="region" aria-labelledby={id} tabIndex={0}>
          <div className="fr-table__content">
            <table>
              <caption id={id}>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) =>
                      j === 0 && rowHeaders ? (
                        <th key={j} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={j}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
