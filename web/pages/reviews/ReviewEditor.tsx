/**
 * The coordination's editor of a review in draft or in correction: one card per section,
 * saved with the review's version (a 409 keeps what was typed), refreshed from the data,
 * published.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQueryClient } from "@tanstack/react-query";
import { Fragment, useCallback, useEffect, useMemo, useReducer, useRef, type ReactNode } from "react";
import { api, ApiError } from "../../api/client";
import { reviewKeys, usePublishReview, useRefreshReview, useSaveReview, type ReviewView } from "../../api/reviews";
import { editorReducer, initialEditorState, type Notice, type SectionChange } from "./editorReducer";
import { cardId, errorsByKey, freeKey, textFieldId, titleFieldId, isDirty, toDraft, toInput, type DraftSection } from "./editorState";
import { reviewOutline, sectionNumbers } from "./outline";
import { PublishPanel, RefreshNotice, RefreshPanel } from "./ReviewPanels";
import { ReviewDocument } from "./ReviewDocument";
import { REFRESH_BADGES, SectionCard } from "./SectionCard";
import { RequiredNote } from "../../components/form";
import { useLeaveWarning } from "../../components/useLeaveWarning";
import { frenchTime, plural } from "../../format";

type Focus = { key: string; target: "up" | "down" | "title" | "card" } | { key: null; target: "messages" } | null;


/** Ids of the buttons that open the confirmation panels (the focus goes back to them when a panel closes). */
const OPENERS = { refresh: "revue-ouvrir-actualiser", publish: "revue-ouvrir-publier" } as const;

export function ReviewEditor({ view, onPublished, header }: { view: ReviewView; onPublished: (view: ReviewView) => void; header: ReactNode }) {
  const queryClient = useQueryClient();
  const saveMutation = useSaveReview(view.contractId, view.id);
  const refreshMutation = useRefreshReview(view.contractId, view.id);
  const publishMutation = usePublishReview(view.contractId, view.id);
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initialEditorState(toDraft(view.sections), view.version));
  const { sections, saved, recovered, fieldErrors, panel, busy, failure, stale, notice, announce, preview } = state;
  /** The state as of the last render, for the steps of a save, refresh or publication that await the server. */
  const stateRef = useRef(state);
  stateRef.current = state;
  const pendingFocus = useRef<Focus>(null);
  /** The sections of the last save, to name the sections of its errors. */
  const sentRef = useRef<DraftSection[]>([]);
  const dirty = isDirty(sections, saved);
  useLeaveWarning(dirty);

  // The same array while only texts change, so that typing redraws one card alone.
  const orderKey = sections.map((s) => s.key).join("|");
  const stableOrder = useMemo(() => (orderKey ? orderKey.split("|") : []), [orderKey]);
  const numbers = useMemo(() => sectionNumbers(sections), [sections]);
  /** « 2. Déploiement du CLS » shown above the first section of each group. */
  const dividers = useMemo(() => new Map(reviewOutline(sections).flatMap((p) => (p.heading && p.items[0] ? [[p.items[0].section.key, `${p.number} ${p.heading}`] as const] : []))), [sections]);

  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    if (focus.key === null) {
      // A closed confirmation, a failure: the message above the sections takes the focus.
      document.getElementById("revue-messages")?.focus();
      return;
    }
    const card = document.getElementById(cardId(focus.key));
    if (!card) return;
    const buttons = card.querySelectorAll<HTMLButtonElement>(".cles-section-card__tools button");
    const [up, down] = [buttons[0], buttons[1]];
    const target =
      focus.target === "title" ? card.querySelector<HTMLInputElement>("input") : focus.target === "up" ? (up?.disabled ? down : up) : focus.target === "down" ? (down?.disabled ? up : down) : card;
    target?.focus();
    if (focus.target === "title" || focus.target === "card") card.scrollIntoView({ block: "start", behavior: "smooth" });
  });

  /** Saves the draft if it has unsaved changes; gives the version to send next. */
  const saveNow = async (): Promise<number> => {
    const { sections: sent, saved: last, version } = stateRef.current;
    if (!isDirty(sent, last)) return version;
    sentRef.current = sent;
    try {
      const next = await saveMutation.mutateAsync({ version, sections: toInput(sent) });
      dispatch({ type: "saved", sent, server: toDraft(next.sections), version: next.version });
      return next.version;
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) dispatch({ type: "invalid", fieldErrors: errorsByKey(e.errors, sent) });
      throw e;
    }
  };

  const run = async (kind: "save" | "refresh" | "publish", action: () => Promise<void>) => {
    dispatch({ type: "started", busy: kind });
    try {
      await action();
    } catch (e) {
      // A 409 is a stale version only when the review changed on the server; else a refusal (an unchanged correction…).
      let staleNow: boolean | undefined;
      if (e instanceof ApiError && e.status === 409) {
        const server = await api<ReviewView>(`/reviews/${view.id}`).catch(() => null);
        staleNow = !server || server.version !== stateRef.current.version || server.status === "published";
      }
      dispatch({ type: "failed", error: e as Error, stale: staleNow });
      pendingFocus.current = { key: null, target: "messages" };
    } finally {
      dispatch({ type: "finished" });
    }
  };

  const save = () =>
    run("save", async () => {
      await saveNow();
      dispatch({ type: "savedNotice", at: new Date() });
    });

  const refresh = () =>
    run("refresh", async () => {
      const current = await saveNow();
      const next = await refreshMutation.mutateAsync(current);
      dispatch({ type: "refreshed", server: toDraft(next.sections), version: next.version });
      pendingFocus.current = { key: null, target: "messages" };
    });

  const publish = (correctionNote: string) =>
    run("publish", async () => {
      const current = await saveNow();
      const next = await publishMutation.mutateAsync({ version: current, ...(correctionNote.trim() ? { correctionNote: correctionNote.trim() } : {}) });
      dispatch({ type: "published", server: toDraft(next.sections), version: next.version });
      onPublished(next);
    });

  /** After a conflict: the server's version, with the texts typed here kept aside section by section. */
  const reload = async () => {
    dispatch({ type: "started", busy: "reload" });
    try {
      const next = await queryClient.fetchQuery({ queryKey: reviewKeys.review(view.contractId, view.id), queryFn: () => api<ReviewView>(`/reviews/${view.id}`), staleTime: 0 });
      dispatch({ type: "reloaded", server: toDraft(next.sections), version: next.version, published: next.status === "published" });
      if (next.status === "published") onPublished(next);
    } catch (e) {
      dispatch({ type: "failed", error: e as Error });
    } finally {
      dispatch({ type: "finished" });
    }
  };

  // Ctrl+S / Cmd+S saves, as in a word processor.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Stable callbacks, so that typing in one card redraws that card alone.
  const onChange = useCallback((key: string, change: SectionChange) => dispatch({ type: "edited", key, change }), []);
  const onMove = useCallback((order: string[], key: string, direction: -1 | 1) => {
    dispatch({ type: "moved", key, order });
    pendingFocus.current = { key, target: direction < 0 ? "up" : "down" };
  }, []);
  const onSettle = useCallback((key: string, take: boolean) => {
    dispatch({ type: "settled", key, take });
    pendingFocus.current = { key, target: "card" };
  }, []);
  const onRecover = useCallback((key: string, take: boolean) => {
    dispatch({ type: "recovered", key, take });
    pendingFocus.current = { key, target: "card" };
  }, []);
  const onRemove = useCallback((key: string) => {
    const list = stateRef.current.sections;
    const index = list.findIndex((s) => s.key === key);
    const section = list[index];
    if (!section) return;
    if (section.html.trim() && !window.confirm(`Supprimer la section « ${section.title} » et son texte ?`)) return;
    dispatch({ type: "removed", key });
    const neighbour = list[index + 1] ?? list[index - 1];
    if (neighbour) pendingFocus.current = { key: neighbour.key, target: "card" };
  }, []);
  /** Closes a confirmation panel and gives the focus back to the button that opened it. */
  const closePanel = (which: keyof typeof OPENERS) => {
    dispatch({ type: "panel", panel: null });
    requestAnimationFrame(() => document.getElementById(OPENERS[which])?.focus());
  };
  const addSection = () => {
    const id = crypto.randomUUID();
    dispatch({ type: "added", id });
    pendingFocus.current = { key: freeKey(id), target: "title" };
  };

  const refused = failure instanceof ApiError && failure.status === 409 ? failure : null;
  const conflict = refused && stale ? refused : null;
  const invalid = failure instanceof ApiError && failure.status === 400 ? failure : null;
  const nextNumber = view.publications.length + 1;
  return (
    <>
      {header}
      <div className="cles-review-toolbar fr-mb-3w">
        <Button priority="secondary" iconId="fr-icon-refresh-line" iconPosition="left" disabled={!!busy} nativeButtonProps={{ id: OPENERS.refresh }} onClick={() => dispatch({ type: "panel", panel: panel === "refresh" ? null : "refresh" })} aria-expanded={panel === "refresh"}>
          Actualiser depuis les données
        </Button>
        <Button iconId="fr-icon-send-plane-line" iconPosition="left" disabled={!!busy} nativeButtonProps={{ id: OPENERS.publish }} onClick={() => dispatch({ type: "panel", panel: panel === "publish" ? null : "publish" })} aria-expanded={panel === "publish"}>
          {nextNumber > 1 ? `Publier la version ${nextNumber}` : "Publier"}
        </Button>
        <Button priority="tertiary" iconId={preview ? "fr-icon-edit-line" : "fr-icon-eye-line"} iconPosition="left" onClick={() => dispatch({ type: "preview", on: !preview })} aria-pressed={preview}>
          Aperçu du document
        </Button>
      </div>
      {panel === "refresh" && <RefreshPanel dirty={dirty} busy={busy === "refresh"} onConfirm={() => void refresh()} onCancel={() => closePanel("refresh")} />}
      {panel === "publish" && (
        <PublishPanel contractId={view.contractId} number={nextNumber} dirty={dirty} busy={busy === "publish"} onConfirm={(note) => void publish(note)} onCancel={() => closePanel("publish")} />
      )}
      <div id="revue-messages" tabIndex={-1}>
        <div aria-live="polite" role="status">
          {notice && !failure && (
            <Alert severity={notice.kind === "refreshed" ? "info" : "success"} small role={undefined} description={<NoticeText notice={notice} />} className={fr.cx("fr-mb-3w")} closable onClose={() => dispatch({ type: "noticeClosed" })} />
          )}
        </div>
        {conflict && (
          <Alert
            severity="error"
            title="La revue a changé entre-temps"
            role="alert"
            className={fr.cx("fr-mb-3w")}
            description={
              <>
                {conflict.detail} Vos textes sont toujours dans cette page : plutôt que de recharger la page, utilisez le bouton ci-dessous, qui charge la version enregistrée et met de côté, section par section, ce que vous avez tapé, pour que vous le repreniez.
                <br />
                <Button className={fr.cx("fr-mt-2w")} size="small" iconId="fr-icon-refresh-line" iconPosition="left" disabled={busy === "reload"} onClick={() => void reload()}>
                  Recharger la revue
                </Button>
              </>
            }
          />
        )}
        {invalid && (
          <Alert
            severity="error"
            title="La revue n'a pas été enregistrée"
            role="alert"
            className={fr.cx("fr-mb-3w")}
            description={
              <>
                {invalid.detail}
                <ul>
                  {invalid.errors.map((e, i) => {
                    const match = /^sections\.(\d+)(?:\.(\w+))?/.exec(e.path);
                    const section = match ? sentRef.current[Number(match[1])] : undefined;
                    if (!section) return <li key={i}>{e.message}</li>;
                    const target = match![2] === "title" ? titleFieldId(section.key) : match![2] === "html" ? textFieldId(section.key) : cardId(section.key);
                    return (
                      <li key={i}>
                        <a href={`#${target}`} onClick={(event) => focusTarget(event, target)}>{`${section.title || "Section sans titre"} : ${e.message}`}</a>
                      </li>
                    );
                  })}
                </ul>
              </>
            }
          />
        )}
        {failure && !conflict && !invalid && <Alert severity="error" title={refused ? "Action refusée" : "L'opération a échoué"} description={failure.message} role="alert" className={fr.cx("fr-mb-3w")} />}
      </div>
      <p className={fr.cx("fr-sr-only")} aria-live="polite">
        {announce}
      </p>
      {preview && (
        <>
          <p className={fr.cx("fr-text--sm")}>La revue telle qu'elle sera publiée, avec vos modifications même non enregistrées. Les sections masquées n'y figurent pas.</p>
          <ReviewDocument contractName={view.contractName} label={view.label} sections={sections} meta={<p className="cles-review__meta">Aperçu — non publié</p>} />
        </>
      )}
      {!preview && <Contents sections={sections} numbers={numbers} />}
      {!preview && sections.length > 0 && <RequiredNote />}
      {!preview && sections.length === 0 && <p className="cles-empty">Cette revue n'a aucune section. Ajoutez une section libre ou actualisez-la depuis les données.</p>}
      {!preview && sections.map((section, index) => (
        <Fragment key={section.key}>
          {dividers.has(section.key) && <p className="cles-editor-part">{dividers.get(section.key)}</p>}
          <SectionCard
          section={section}
          number={numbers.get(section.key) ?? ""}
          index={index}
          order={stableOrder}
          recovered={recovered[section.key]}
          disabled={!!busy}
          errors={sectionErrors(fieldErrors, section.key)}
          onMove={onMove}
          onChange={onChange}
          onSettle={onSettle}
          onRecover={onRecover}
          onRemove={onRemove}
          />
        </Fragment>
      ))}
      {!preview && (
        <Button priority="secondary" iconId="fr-icon-add-line" iconPosition="left" className={fr.cx("fr-mb-4w")} disabled={!!busy} onClick={addSection}>
          Ajouter une section libre
        </Button>
      )}
      <div className="cles-sticky-actions">
        <div className="cles-review-toolbar">
          {/* aria-disabled, not disabled: a button that becomes disabled loses the focus it holds (to <body>). */}
          <Button iconId="fr-icon-save-line" iconPosition="left" nativeButtonProps={{ "aria-disabled": !!busy || !dirty }} onClick={() => void (!busy && dirty && save())}>
            {busy === "save" ? "Enregistrement…" : "Enregistrer"}
          </Button>
          <span className={fr.cx("fr-text--sm", "fr-mb-0")}>{dirty ? "Modifications non enregistrées (Ctrl+S pour enregistrer)" : "Toutes les modifications sont enregistrées."}</span>
          {failure && (
            <a href="#revue-messages" className={fr.cx("fr-text--sm", "fr-mb-0")}>
              <span className={fr.cx("fr-icon-error-warning-line", "fr-icon--sm")} aria-hidden="true" /> L'opération a échoué : voir le message en haut de la revue
            </a>
          )}
        </div>
      </div>
    </>
  );
}

function NoticeText({ notice }: { notice: Notice }) {
  if (notice.kind === "saved") return <>{`Revue enregistrée à ${frenchTime(notice.at.toISOString())}.`}</>;
  if (notice.kind === "refreshed") return <RefreshNotice sections={notice.sections} />;
  return <>{notice.text}</>;
}

/** The review's outline, each entry a link to its section's card. */
function Contents({ sections, numbers }: { sections: DraftSection[]; numbers: Map<string, string> }) {
  if (sections.length < 2) return null;
  const hidden = sections.filter((s) => s.hidden).length;
  return (
    <details className="cles-details cles-contents fr-mb-3w">
      <summary>{`Sommaire de la revue : ${sections.length} sections${hidden ? `, dont ${plural(hidden, "masquée")}` : ""}`}</summary>
      <ol className="cles-contents__list">
        {sections.map((s) => (
          <li key={s.key}>
            <a href={`#${cardId(s.key)}`}>
              {numbers.get(s.key) && <span className="cles-review__number">{numbers.get(s.key)}</span>} {s.title || "Section sans titre"}
            </a>
            {s.hidden && <span className="cles-empty"> (masquée)</span>}
            {s.refreshState !== "unchanged" && <span className={fr.cx("fr-text--sm")}>{` — ${REFRESH_BADGES[s.refreshState].label}`}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

const sectionErrors = (errors: Record<string, string>, key: string) =>
  errors[key] || errors[`${key}.title`] || errors[`${key}.html`] ? { section: errors[key], title: errors[`${key}.title`], html: errors[`${key}.html`] } : undefined;

/** An error's link puts the focus in its field (a card or an editor is not focused by the browser's own jump). */
function focusTarget(event: React.MouseEvent, id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  event.preventDefault();
  element.focus();
  element.scrollIntoView({ block: "center" });
}
