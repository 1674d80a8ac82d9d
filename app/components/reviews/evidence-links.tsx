/** Evidence links open in a new tab without handing it our window. */
export function EvidenceLinks({ links }: { links: string[] }) {
  if (links.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="evidence-links">
      {links.map((link) => (
        <li key={link}>
          <a href={link} target="_blank" rel="noopener noreferrer nofollow">
            {shortUrl(link)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function shortUrl(link: string): string {
  try {
    const url = new URL(link);
    const text = url.host + (url.pathname === "/" ? "" : url.pathname);
    return text.length > 48 ? `${text.slice(0, 45)}…` : text;
  } catch {
    return link;
  }
}
