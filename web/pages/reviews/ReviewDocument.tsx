/**
 * A review as a document: its title block, then its visible sections numbered like the
 * seed review (« 1. Comité technique du CLS », « 2. Déploiement du CLS », « a. FICHE ACTION 1 … »).
 * The sections' HTML is sanitised by the server before it is kept; its headings are nested
 * under the section's title (nestHeadings), so that the page's outline skips no level.
 */
import type { ReactNode } from "react";
import type { ReviewSection } from "../../api/reviews";
import { nestHeadings } from "../../components/nestHeadings";
import { reviewOutline } from "./outline";
import "./reviews.css";

interface Props {
  contractName: string;
  label: string;
  sections: Pick<ReviewSection, "key" | "kind" | "title" | "html" | "hidden">[];
  /** Under the title: the version, its date, a correction note. */
  meta?: ReactNode;
  /** The level of the document's title: 1 when the document is the page, 2 inside another page. */
  level?: 1 | 2;
}

const anchor = (key: string) => `section-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/** A section's text, its headings one level below its title's (`under`). */
function Html({ html, under }: { html: string; under: number }) {
  if (!html.trim()) return <p className="cles-empty">Section sans texte.</p>;
  return <div className="cles-review__text" dangerouslySetInnerHTML={{ __html: nestHeadings(html, under) }} />;
}

export function ReviewDocument({ contractName, label, sections, meta, level = 2 }: Props) {
  const parts = reviewOutline(sections);
  const Title = level === 1 ? "h1" : "h2";
  const Part = level === 1 ? "h2" : "h3";
  const Item = level === 1 ? "h3" : "h4";
  return (
    <article className="cles-review" aria-label={`Revue trimestrielle — ${label}`}>
      <header className="cles-review__header">
        <p className="cles-review__kicker">{contractName}</p>
        <Title className="cles-review__title">
          Revue trimestrielle
          <span className="cles-review__subtitle">{label}</span>
        </Title>
        {meta}
      </header>
      {parts.length === 0 && <p className="cles-empty">Aucune section visible dans cette revue.</p>}
      {parts.map((part, index) =>
        part.heading ? (
          <section key={`${part.number}-${index}`} className="cles-review__part" aria-labelledby={`partie-${index}`}>
            <Part id={`partie-${index}`} className="cles-review__part-title">
              <span className="cles-review__number">{part.number}</span> {part.heading}
            </Part>
            {part.items.map(({ section, number }) => (
              <section key={section.key} id={anchor(section.key)} className="cles-review__item" aria-labelledby={`${anchor(section.key)}-titre`}>
                <Item id={`${anchor(section.key)}-titre`} className="cles-review__item-title">
                  {number && <span className="cles-review__number">{number}</span>} {section.title}
                </Item>
                <Html html={section.html} under={level + 2} />
              </section>
            ))}
          </section>
        ) : (
          part.items.map(({ section, number }) => (
            <section key={section.key} id={anchor(section.key)} className={`cles-review__part cles-review__part--${section.kind}`} aria-labelledby={`${anchor(section.key)}-titre`}>
              <Part id={`${anchor(section.key)}-titre`} className="cles-review__part-title">
                {number && <span className="cles-review__number">{number}</span>} {section.title}
              </Part>
              <Html html={section.html} under={level + 1} />
            </section>
          ))
        ),
      )}
    </article>
  );
}
