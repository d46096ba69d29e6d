import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Document } from "#shared/documents.ts";
import { LANGUAGES } from "#shared/languages.ts";
import { useFormat } from "../../i18n/format.ts";
import { symbolSearchPath } from "./documents.queries.ts";

/**
 * A symbol cited on an agenda or by a figure, linked to the register: the reader reaches the
 * document's entry, or the offer to register it. Symbols are Latin whatever the page's direction.
 */
export function DocumentSymbolLink({ symbol, size }: { symbol: string; size?: "sm" | "xs" }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={symbolSearchPath(symbol)}
      size={size}
      className="document-symbol"
      dir="ltr"
      title={t("documents.findInRegister", { symbol })}
    >
      {symbol}
    </Anchor>
  );
}

/** The language versions issued, in the Union's order of the six, named in the reader's language. */
export function DocumentLanguages({ document }: { document: Pick<Document, "languages"> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (document.languages.length === 0) return <>{t("documents.noLanguages")}</>;
  return (
    <>
      {format.list(
        LANGUAGES.filter((lang) => document.languages.includes(lang)).map((lang) =>
          format.languageName(lang),
        ),
      )}
    </>
  );
}

/** "2 agenda items, 3 figures": how often the document is cited, in words. */
export function CitedBy({ document }: { document: Pick<Document, "citedBy"> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { agendaItems, figures } = document.citedBy;
  if (agendaItems === 0 && figures === 0) return <>{t("documents.citedByNone")}</>;
  return (
    <>
      {t("documents.citedByCount", {
        agendaItems: format.number(agendaItems),
        figures: format.number(figures),
      })}
    </>
  );
}
