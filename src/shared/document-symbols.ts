/**
 * The Union's document symbols: `C18/35` (Council 2018, document 35), `C18/35-E` (its English
 * version), `C17/INF/4` (an information document), `C15/38(Rev.1)` (a revision), `CWG-FHR-8/14`
 * (the eighth meeting of a Council working group, document 14).
 */
export interface DocumentSymbol {
  /** `C18`, `CWG-FHR-8`, `PP18`: the body, session or meeting the document belongs to. */
  session: string;
  /** `INF`, `DT`, `ADM`…, or a meeting number (`ISC-TF/17/2`): a series within the session, or null. */
  series: string | null;
  number: number;
  /** `Rev.1`, `Add.2`, `Corr.1`, in the order written. */
  amendments: string[];
  /** The language version: A C E F R S (Arabic, Chinese, English, French, Russian, Spanish). */
  language: "A" | "C" | "E" | "F" | "R" | "S" | null;
}

// A session is an upper-case word with optional dash-joined parts, the last of which may be a
// meeting number (CWG-FHR-8); a Council session is C plus a two-digit year.
const SESSION = String.raw`[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*`;
// A series is a word (INF, DT) or, for bodies that number documents per meeting (ISC-TF/17/2), the
// meeting's number.
const SERIES = String.raw`(?:([A-Z]{2,5}|\d{1,3})/)?`;
const AMENDMENT = String.raw`\((?:Rev|Add|Corr)\.\d+\)`;
const SYMBOL_SOURCE = String.raw`(${SESSION})/${SERIES}(\d{1,4})((?:${AMENDMENT})*)(?:-([ACEFRS])(?![A-Za-z0-9]))?`;
const WHOLE = new RegExp(`^${SYMBOL_SOURCE}$`);
const STICKY = new RegExp(SYMBOL_SOURCE, "y");

function fromMatch(m: RegExpExecArray): DocumentSymbol {
  return {
    session: m[1]!,
    series: m[2] ?? null,
    number: Number(m[3]),
    amendments: [...(m[4] ?? "").matchAll(/\(([^)]+)\)/g)].map((a) => a[1]!),
    language: (m[5] as DocumentSymbol["language"]) ?? null,
  };
}

/** The symbol as written in documents, from its parts. */
export function formatDocumentSymbol(symbol: DocumentSymbol): string {
  return (
    `${symbol.session}/${symbol.series ? `${symbol.series}/` : ""}${symbol.number}` +
    symbol.amendments.map((a) => `(${a})`).join("") +
    (symbol.language ? `-${symbol.language}` : "")
  );
}

/** One symbol, or null when the text is not exactly one well-formed symbol. */
export function parseDocumentSymbol(text: string): DocumentSymbol | null {
  const m = WHOLE.exec(text.trim().replace(/\s+/g, ""));
  return m ? fromMatch(m) : null;
}

/**
 * Every symbol in a pasted reference list. Reports pasted from PDF often run two symbols together
 * (`C17/21C17/INF/4`): a symbol's number ends where the next symbol's session begins, so they
 * are split. Pieces that are not symbols are returned as `unreadable`.
 */
export function splitDocumentSymbols(text: string): { symbols: DocumentSymbol[]; unreadable: string[] } {
  const symbols: DocumentSymbol[] = [];
  const unreadable: string[] = [];
  const pieces = text
    .split(/[\s,;、,;和及]+|\band\b|\bet\b|\by\b|\bи\b|و/u)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const piece of pieces) {
    let at = 0;
    const found: DocumentSymbol[] = [];
    while (at < piece.length) {
      STICKY.lastIndex = at;
      const m = STICKY.exec(piece);
      if (!m) break;
      found.push(fromMatch(m));
      at = STICKY.lastIndex;
    }
    if (at === piece.length && found.length > 0) symbols.push(...found);
    else unreadable.push(piece);
  }
  return { symbols, unreadable };
}
