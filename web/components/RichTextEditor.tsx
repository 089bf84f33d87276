/**
 * A small rich-text editor (TipTap) for minutes: paragraphs, bold, italic, lists,
 * headings. It gives HTML; the server sanitises it (sanitize-html) before keeping it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import "./RichTextEditor.css";

interface Props {
  label: string;
  hint?: string;
  value: string;
  onChange: (html: string) => void;
  /** DOM id of the editable area (for error summaries). */
  id?: string;
  error?: string;
}

/** What the server keeps: no code, strike-through or rule; headings at levels 3 and 4. */
const extensions = [StarterKit.configure({ code: false, codeBlock: false, strike: false, horizontalRule: false, heading: { levels: [3, 4] }, link: { openOnClick: false } })];

/** The empty document TipTap gives is "<p></p>": an empty value for us. */
const clean = (html: string) => (html === "<p></p>" ? "" : html);

export function RichTextEditor({ label, hint, value, onChange, id, error }: Props) {
  const base = useId();
  const editorId = id ?? `${base}-editeur`;
  const labelId = `${base}-label`;
  const hintId = `${base}-aide`;
  const errorId = `${base}-erreur`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ");
  const editor = useEditor({
    extensions,
    content: value,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        id: editorId,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": "true" } : {}),
        class: "cles-rte__content",
      },
    },
    onUpdate: ({ editor: e }) => onChange(clean(e.getHTML())),
  });
  // A value set from outside (a reset, a reload) replaces the content; typing does not come back here.
  useEffect(() => {
    if (editor && clean(editor.getHTML()) !== value) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  return (
    <div className={fr.cx("fr-input-group", error ? "fr-input-group--error" : undefined)}>
      <span id={labelId} className={fr.cx("fr-label")} onClick={() => editor?.commands.focus()}>
        {label}
        {hint && (
          <span id={hintId} className={fr.cx("fr-hint-text")}>
            {hint}
          </span>
        )}
      </span>
      <div className={`cles-rte${error ? " cles-rte--error" : ""}`}>
        {editor && <Toolbar editor={editor} label={label} />}
        <EditorContent editor={editor} />
      </div>
      {error && (
        <p id={errorId} className={fr.cx("fr-error-text")}>
          {error}
        </p>
      )}
    </div>
  );
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      heading: e.isActive("heading", { level: 3 }),
    }),
  });
  const buttons = [
    { key: "bold", label: "Gras", icon: "fr-icon-bold", run: () => editor.chain().focus().toggleBold().run() },
    { key: "italic", label: "Italique", icon: "fr-icon-italic", run: () => editor.chain().focus().toggleItalic().run() },
    { key: "heading", label: "Intertitre", icon: "fr-icon-h-3", run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { key: "bulletList", label: "Liste à puces", icon: "fr-icon-list-unordered", run: () => editor.chain().focus().toggleBulletList().run() },
    { key: "orderedList", label: "Liste numérotée", icon: "fr-icon-list-ordered", run: () => editor.chain().focus().toggleOrderedList().run() },
  ] as const;
  // One button in the tab order (the last one used); the arrows, Home and End move between them (WAI-ARIA toolbar).
  const [current, setCurrent] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const moves: Record<string, number> = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="toolbar" aria-label={`Mise en forme : ${label}`} className="cles-rte__toolbar" onKeyDown={onKeyDown}>
      {buttons.map((b, index) => (
        <button
          key={b.key}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          tabIndex={index === current ? 0 : -1}
          aria-label={b.label}
          title={b.label}
          aria-pressed={state[b.key]}
          className={`cles-rte__button${state[b.key] ? " cles-rte__button--on" : ""}`}
          onMouseDown={(e) => e.preventDefault()}
          onFocus={() => setCurrent(index)}
          onClick={b.run}
        >
          <span className={b.icon} aria-hidden="true" />
        </button>
      ))}
    </div>
  );
}
