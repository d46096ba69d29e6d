import type { Activity } from "#shared/activities.ts";
import type { Area } from "#shared/areas.ts";
import {
  LANGUAGE_AUTONYMS,
  LANGUAGES,
  type Language,
  localize,
  type MultilingualText,
  RTL_LANGUAGES,
} from "#shared/languages.ts";
import type { Mandate } from "#shared/mandates.ts";
import type { SdgTarget } from "#shared/sdg.ts";
import { PUBLIC_TEXT, type PublicTextKey } from "./public.messages.ts";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const t = (key: PublicTextKey, lang: Language) => escapeHtml(PUBLIC_TEXT[key][lang]);

/** A text in the page's language, or its original marked with the original's language. */
function text(value: MultilingualText, original: Language, lang: Language): string {
  const shown = localize(value, original, lang);
  if (!shown.fallback) return escapeHtml(shown.text);
  const languageName = new Intl.DisplayNames([lang], { type: "language" }).of(shown.lang) ?? shown.lang;
  return `<span lang="${shown.lang}" dir="${RTL_LANGUAGES.includes(shown.lang) ? "rtl" : "ltr"}">${escapeHtml(shown.text)}</span> <small class="original">(${t("originalIn", lang)}${escapeHtml(languageName)})</small>`;
}

const STYLE = `
body{font-family:"Noto Sans","Noto Naskh Arabic","Noto Sans CJK SC",system-ui,sans-serif;margin:0;color:#1a1a1a;line-height:1.55}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem 1.25rem}
header{border-bottom:1px solid #ccc}
a{color:#0b4f9c}
.skip{position:absolute;inset-inline-start:-999px}
.skip:focus{inset-inline-start:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.original{color:#555}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}
.code{font-family:monospace;background:#eef;padding:0 .25rem;border-radius:3px}
`;

interface Page {
  lang: Language;
  title: string;
  /** Path of this page in each language, for the language links and hreflang. */
  pathFor: (lang: Language) => string;
  body: string;
}

export function renderPage(page: Page): string {
  const { lang } = page;
  const dir = RTL_LANGUAGES.includes(lang) ? "rtl" : "ltr";
  const alternates = LANGUAGES.map(
    (l) => `<link rel="alternate" hreflang="${l}" href="${page.pathFor(l)}">`,
  ).join("");
  const others = LANGUAGES.filter((l) => l !== lang)
    .map(
      (l) =>
        `<li><a href="${page.pathFor(l)}" lang="${l}" hreflang="${l}">${escapeHtml(LANGUAGE_AUTONYMS[l])}</a></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — ${t("site", lang)}</title>
${alternates}
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">${t("skip", lang)}</a>
<header>
<p><a href="/public/${lang}/areas">${t("site", lang)}</a></p>
<nav aria-label="${t("otherLanguages", lang)}"><ul>${others}</ul></nav>
</header>
<main id="content">
${page.body}
</main>
</body>
</html>
`;
}

export function renderIndex(lang: Language, areas: Area[]): string {
  const items = areas
    .map(
      (a) =>
        `<li><a href="/public/${lang}/areas/${a.slug}">${text(a.name, a.originalLanguage, lang)}</a></li>`,
    )
    .join("");
  return renderPage({
    lang,
    title: PUBLIC_TEXT.areas[lang],
    pathFor: (l) => `/public/${l}/areas`,
    body: `<h1>${t("areas", lang)}</h1>
<p>${t("areasIntro", lang)}</p>
${areas.length ? `<ul>${items}</ul>` : `<p>${t("noAreas", lang)}</p>`}`,
  });
}

export function renderArea(
  lang: Language,
  area: Area,
  mandates: Mandate[],
  unitNames: Map<string, string>,
  targets: SdgTarget[],
  activityGroups: { sector: string; activities: Activity[] }[],
): string {
  const unit = (code: string) =>
    `${escapeHtml(unitNames.get(code) ?? code)} <span class="code">${escapeHtml(code)}</span>`;
  const mandateItems = mandates
    .map(
      (m) =>
        `<li><strong>${escapeHtml(m.citation)}</strong> — ${text(m.title, m.originalLanguage, lang)}</li>`,
    )
    .join("");
  const targetItems = targets
    .map(
      (target) => `<li><strong>${escapeHtml(target.code)}</strong> — ${text(target.text, "en", lang)}</li>`,
    )
    .join("");
  const activityItems = activityGroups
    .map(
      (group) =>
        `<h3>${escapeHtml(group.sector)}</h3><ul>${group.activities
          .map(
            (a) =>
              `<li>${text(a.title, a.originalLanguage, lang)} <span class="code">${escapeHtml(a.unitCode)}</span> (${escapeHtml(a.start.slice(0, 4))}${a.end ? `–${escapeHtml(a.end.slice(0, 4))}` : ""})</li>`,
          )
          .join("")}</ul>`,
    )
    .join("");
  const focal = area.focalPoints
    .filter((f) => f.validTo === null || f.validTo >= new Date().toISOString().slice(0, 10))
    .map((f) => `<li>${escapeHtml(f.personName)} — ${unit(f.unitCode)}</li>`)
    .join("");
  return renderPage({
    lang,
    title: localize(area.name, area.originalLanguage, lang).text,
    pathFor: (l) => `/public/${l}/areas/${area.slug}`,
    body: `<h1>${text(area.name, area.originalLanguage, lang)}</h1>
${area.description ? `<p>${text(area.description, area.originalLanguage, lang)}</p>` : ""}
<dl>
<dt>${t("lead", lang)}</dt><dd>${unit(area.leadUnitCode)}</dd>
<dt>${t("participants", lang)}</dt><dd>${area.participatingUnitCodes.map(unit).join(", ") || "—"}</dd>
</dl>
<h2>${t("mandates", lang)}</h2>
${mandateItems ? `<ul>${mandateItems}</ul>` : ""}
${!mandateItems && area.justification ? `<p>${t("noMandates", lang)} ${escapeHtml(area.justification)}</p>` : ""}
${targetItems ? `<h2>${t("sdgTargets", lang)}</h2>\n<ul>${targetItems}</ul>` : ""}
${activityItems ? `<h2>${t("activities", lang)}</h2>\n${activityItems}` : ""}
<h2>${t("focalPoints", lang)}</h2>
${focal ? `<ul>${focal}</ul>` : `<p>${t("noFocalPoints", lang)}</p>`}
<p><a href="/public/${lang}/areas">${t("back", lang)}</a></p>`,
  });
}

export function renderNotFound(lang: Language): string {
  return renderPage({
    lang,
    title: PUBLIC_TEXT.notFound[lang],
    pathFor: (l) => `/public/${l}/areas`,
    body: `<h1>${t("notFound", lang)}</h1><p><a href="/public/${lang}/areas">${t("back", lang)}</a></p>`,
  });
}
