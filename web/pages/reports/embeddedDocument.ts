/**
 * A generated document's HTML (server/documents/html.ts) made fit to sit inside a page,
 * in the preview's frame: a screen reader lists the frame's landmarks with the page's, so
 * the document's own `header` and `main` (right when it is opened alone) would make a
 * second banner and a second main. Its landmark elements become plain `div`s, their
 * attributes kept (the document's style selects by class, not by element). Its text is
 * escaped by the server, so a tag of the text is never matched.
 */
const LANDMARK_TAG = /<(\/?)(?:main|header|footer|nav|aside)(?=[\s>/])([^>]*)>/gi;

export const embeddedDocument = (html: string): string => html.replace(LANDMARK_TAG, (_tag, closing: string, rest: string) => `<${closing}div${rest}>`);
