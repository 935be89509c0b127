/**
 * Saves text as a file through the browser's own download (an extension page needs no permission for it).
 * `bom`: a byte-order mark first, so spreadsheet apps read a CSV as UTF-8 (quotes often hold accents); never
 * for JSON, which Baton reads back on import.
 */
export function downloadText(name: string, text: string, opts: { type: string; bom?: boolean }): void {
  const url = URL.createObjectURL(new Blob(opts.bom ? ['\ufeff', text] : [text], { type: opts.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download reads the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
