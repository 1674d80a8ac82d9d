/**
 * `Content-Disposition: attachment` for a user's file name: a plain-ASCII `filename` for old clients (anything else
 * becomes "_", quotes and backslashes too) and the exact name in `filename*` (RFC 5987/6266, UTF-8, percent-encoded),
 * which every current browser prefers. Control characters and path separators never reach either.
 */
export function attachmentDisposition(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim() || "file";
  const ascii = safe.replace(/[^\x20-\x7e]|["%;]/g, "_");
  const encoded = encodeURIComponent(safe).replace(
    /['()*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
