/**
 * The Content-Disposition of a downloaded file whose name may be French:
 * an ASCII `filename` for old clients and the real name in `filename*` (RFC 6266 / RFC 5987).
 *   contentDisposition("revue-T3-2021-Melun-Val-de-Seine.pdf")
 *   contentDisposition("Rapport d'activité 2021.docx", "inline")
 */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
