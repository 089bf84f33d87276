/**
 * One section of the review in the editor: its kind, its state after a refresh, its title
 * and text, and the buttons that move, hide, show or delete it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { memo, useId } from "react";
import { SECTION_KINDS } from "../../../server/shared";
import { optional } from "../../components/form";
import { MoveButtons } from "../../components/MoveButtons";
import { nestHeadings } from "../../components/nestHeadings";
import { RichTextEditor } from "../../components/RichTextEditor";
import { cardId, textFieldId, titleFieldId, type DraftSection, type Recovered } from "./editorState";

export const REFRESH_BADGES = {
  updated: { label: "Mis à jour depuis les données", severity: "info" },
  changed: { label: "Les données ont changé", severity: "warning" },
  new: { label: "Nouvelle section", severity: "new" },
  gone: { label: "Plus dans les données du trimestre", severity: "error" },
} as const;

export interface SectionCardProps {
  section: DraftSection;
  /** « 2. e. » in the review as it reads now; "" when hidden or not numbered. */
  number: string;
  index: number;
  order: string[];
  recovered?: Recovered;
  disabled: boolean;
  /** Errors of the last save: of the title, of the text, of the section. */
  errors?: { title?: string; html?: string; section?: string };
  onMove: (order: string[], key: string, direction: -1 | 1) => void;
  onChange: (key: string, change: Partial<Pick<DraftSection, "title" | "html" | "hidden">>) => void;
  /** « Remplacer mon texte par le nouveau brouillon » (take) or « Garder mon texte ». */
  onSettle: (key: string, take: boolean) => void;
  onRecover: (key: string, take: boolean) => void;
  onRemove: (key: string) => void;
}

function SectionCardView(props: SectionCardProps) {
  const { section, number, index, order, recovered, disabled, errors, onMove, onChange, onSettle, onRecover, onRemove } = props;
  const id = useId();
  const headingId = `${id}-titre`;
  const name = `la section « ${section.title || "sans titre"} »`;
  const refresh = section.refreshState !== "unchanged" ? REFRESH_BADGES[section.refreshState] : null;
  const classes = ["cles-section-card", section.hidden && "cles-section-card--hidden", refresh && `cles-section-card--${section.refreshState}`].filter(Boolean).join(" ");
  return (
    <section id={cardId(section.key)} className={classes} aria-labelledby={headingId} tabIndex={-1}>
      <div className="cles-section-card__head">
        <h2 id={headingId} className="cles-section-card__heading">
          {number && <span className="cles-review__number">{number}</span>} {section.title || <em>Section sans titre</em>}
          {section.hidden && <span className={fr.cx("fr-sr-only")}> (masquée)</span>}
        </h2>
        <div className="cles-section-card__tools">
          <MoveButtons ids={order} index={index} label={name} disabled={disabled} onMove={(next) => onMove(next, section.key, next.indexOf(section.key) < index ? -1 : 1)} />
          <Button
            type="button"
            size="small"
            priority="tertiary"
            iconId={section.hidden ? "fr-icon-eye-line" : "fr-icon-eye-off-line"}
            iconPosition="left"
            disabled={disabled}
            onClick={() => onChange(section.key, { hidden: !section.hidden })}
          >
            {section.hidden ? "Afficher" : "Masquer"}
            <span className={fr.cx("fr-sr-only")}>{` ${name}`}</span>
          </Button>
          {section.kind === "free" && (
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" iconPosition="left" disabled={disabled} onClick={() => onRemove(section.key)}>
              Supprimer<span className={fr.cx("fr-sr-only")}>{` ${name}`}</span>
            </Button>
          )}
        </div>
      </div>
      <ul className={fr.cx("fr-badges-group")}>
        <li>
          <Badge small noIcon>
            {SECTION_KINDS[section.kind]}
          </Badge>
        </li>
        {section.hidden && (
          <li>
            <Badge small noIcon>
              Masquée
            </Badge>
          </li>
        )}
        {refresh && (
          <li>
            <Badge small severity={refresh.severity}>
              {refresh.label}
            </Badge>
          </li>
        )}
      </ul>
      {section.refreshState === "gone" && (
        <p className={fr.cx("fr-text--sm")}>
          Les données de cette section ne sont plus dans le trimestre ; elle est gardée parce que vous aviez modifié son texte. Masquez-la si elle n'a plus lieu d'être.
        </p>
      )}
      {section.refreshState === "changed" && <ChangedData section={section} disabled={disabled} onSettle={onSettle} />}
      {recovered && <RecoveredText recovered={recovered} sectionKey={section.key} onRecover={onRecover} />}
      {section.hidden ? (
        <p className="cles-section-card__hidden-note">Cette section n'apparaîtra ni dans la revue publiée ni dans ses exports.</p>
      ) : (
        <>
          <Input
            label="Titre de la section"
            disabled={disabled}
            state={errors?.title ? "error" : "default"}
            stateRelatedMessage={errors?.title}
            nativeInputProps={{
              id: titleFieldId(section.key),
              value: section.title,
              onChange: (e) => onChange(section.key, { title: e.target.value }),
              maxLength: 300,
              "aria-required": true,
              ...(errors?.title ? { "aria-invalid": true } : {}),
            }}
          />
          <RichTextEditor id={textFieldId(section.key)} label={optional("Texte de la section")} value={section.html} onChange={(html) => onChange(section.key, { html })} error={errors?.html ?? errors?.section} />
        </>
      )}
    </section>
  );
}

/** The data changed under the coordinator's text: the new draft, to take or to leave. */
function ChangedData({ section, disabled, onSettle }: Pick<SectionCardProps, "section" | "disabled" | "onSettle">) {
  return (
    <div className={fr.cx("fr-mb-2w")}>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>Les données de cette section ont changé depuis que vous avez modifié son texte. Votre texte est gardé ; le nouveau brouillon tiré des données est ci-dessous.</p>
      <details className="cles-details">
        <summary>Voir le nouveau texte tiré des données</summary>
        <div className="cles-generated">
          {section.generatedTitle && section.generatedTitle !== section.title && <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>{section.generatedTitle}</p>}
          <div className="cles-review__text" dangerouslySetInnerHTML={{ __html: nestHeadings(section.generatedHtml, 2) || "<p><em>Aucun texte.</em></p>" }} />
        </div>
      </details>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm", "fr-mt-1w")}>
        <li>
          <Button
            type="button"
            priority="secondary"
            disabled={disabled}
            onClick={() => onSettle(section.key, true)}
          >
            Remplacer mon texte par le nouveau brouillon
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" disabled={disabled} onClick={() => onSettle(section.key, false)}>
            Garder mon texte
          </Button>
        </li>
      </ul>
    </div>
  );
}

/** A text typed here before a reload brought someone else's version. */
function RecoveredText({ recovered, sectionKey, onRecover }: { recovered: Recovered; sectionKey: string; onRecover: (key: string, take: boolean) => void }) {
  return (
    <Alert
      severity="warning"
      small
      className={fr.cx("fr-mb-2w")}
      description={
        <>
          <span>Votre texte non enregistré de cette section a été mis de côté au rechargement.</span>
          <details className="cles-details fr-mt-1w">
            <summary>Voir votre texte</summary>
            <div className="cles-generated">
              <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>{recovered.title}</p>
              <div className="cles-review__text" dangerouslySetInnerHTML={{ __html: nestHeadings(recovered.html, 2) }} />
            </div>
          </details>
          <span className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--sm", "fr-mt-1w")}>
            <Button type="button" priority="secondary" onClick={() => onRecover(sectionKey, true)}>
              Reprendre mon texte
            </Button>
            <Button type="button" priority="tertiary" onClick={() => onRecover(sectionKey, false)}>
              Garder la version enregistrée
            </Button>
          </span>
        </>
      }
    />
  );
}

/** Typing in one section does not redraw the others (a review has a dozen editors). */
export const SectionCard = memo(SectionCardView);
