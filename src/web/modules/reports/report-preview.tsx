import { Fragment, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportBlock, ReportDocument, ReportInline } from "#shared/report-document.ts";
import { directionOf } from "../../i18n/i18n.ts";

const noteId = (note: number) => `report-note-${note}`;
const refId = (note: number, occurrence: number) => `report-ref-${note}-${occurrence}`;
const NOTES_HEADING_ID = "report-notes-heading";
const TITLE_ID = "report-title";

/** How many times each note is referred to, so each note gets one back-link per reference. */
function countReferences(blocks: ReportBlock[]): Map<number, number> {
  const counts = new Map<number, number>();
  const visit = (runs: ReportInline[]) => {
    for (const run of runs) if ("note" in run) counts.set(run.note, (counts.get(run.note) ?? 0) + 1);
  };
  for (const block of blocks) {
    if (block.kind === "paragraph") visit(block.runs);
    else if (block.kind === "table") for (const row of block.rows) for (const cell of row) visit(cell);
  }
  return counts;
}

/**
 * A wide table scrolls sideways on a narrow screen. Only then is its box a tab stop (so it can be
 * scrolled from the keyboard), named by the table's caption; a table that fits adds no tab stop.
 */
function ScrollBox({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setScrolls(box.scrollWidth > box.clientWidth + 1));
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="report-table-scroll"
      {...(scrolls ? { role: "group", "aria-labelledby": labelledBy, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}

/**
 * The drafted report as HTML, in the report's own language and direction, whatever the interface's:
 * an Arabic report read from an English interface is still right to left (and the reverse).
 * Headings start at h2, under the page's h1; endnote references link to the notes and back.
 */
export function ReportPreview({ document: report }: { document: ReportDocument }) {
  const { t, i18n } = useTranslation();
  const references = countReferences(report.blocks);
  // Rendering walks the blocks in order, so the n-th reference met here is the n-th back-link below.
  const seen = new Map<number, number>();

  const runs = (items: ReportInline[]): ReactNode =>
    items.map((run, index) => {
      if ("text" in run) return <Fragment key={index}>{run.text}</Fragment>;
      const occurrence = (seen.get(run.note) ?? 0) + 1;
      seen.set(run.note, occurrence);
      return (
        <sup key={index} className="report-note-ref">
          <a
            href={`#${noteId(run.note)}`}
            id={refId(run.note, occurrence)}
            aria-describedby={NOTES_HEADING_ID}
          >
            {run.note}
          </a>
        </sup>
      );
    });

  const block = (item: ReportBlock, index: number): ReactNode => {
    switch (item.kind) {
      case "heading":
        return item.level === 1 ? <h2 key={index}>{item.text}</h2> : <h3 key={index}>{item.text}</h3>;
      case "paragraph":
        return <p key={index}>{runs(item.runs)}</p>;
      case "table": {
        const captionId = `report-table-${index}`;
        const align = (column: number) => (item.numeric[column] ? "report-numeric" : undefined);
        return (
          <ScrollBox key={index} labelledBy={captionId}>
            <table className="report-table">
              <caption id={captionId}>{item.caption}</caption>
              <thead>
                <tr>
                  {item.header.map((label, column) => (
                    <th key={column} scope="col" className={align(column)}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {item.rows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, column) => (
                      <td key={column} className={align(column)}>
                        {runs(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        );
      }
    }
  };

  const body = report.blocks.map(block);

  return (
    <section
      className="report-preview"
      lang={report.lang}
      dir={directionOf(report.lang)}
      aria-labelledby={TITLE_ID}
    >
      <p id={TITLE_ID} className="report-title">
        {report.title}
      </p>
      {report.subtitle ? <p className="report-subtitle">{report.subtitle}</p> : null}
      {body}
      {report.notes.length > 0 ? (
        <>
          <h2 id={NOTES_HEADING_ID}>{report.notesHeading}</h2>
          <ol className="report-notes">
            {report.notes.map((note, index) => {
              const number = index + 1;
              const count = references.get(number) ?? 0;
              return (
                <li key={number} id={noteId(number)} tabIndex={-1}>
                  {note}
                  {Array.from({ length: count }, (_, i) => (
                    <Fragment key={i}>
                      {" "}
                      {/* The link's name is in the interface language, not the report's. */}
                      <a
                        href={`#${refId(number, i + 1)}`}
                        className="report-back-link"
                        lang={i18n.language}
                        aria-label={
                          count > 1
                            ? t("councilReports.backToReferenceOf", { number, occurrence: i + 1 })
                            : t("councilReports.backToReference", { number })
                        }
                      >
                        <span aria-hidden="true">↑{count > 1 ? i + 1 : ""}</span>
                      </a>
                    </Fragment>
                  ))}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
