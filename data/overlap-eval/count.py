"""Print the label and language-pair counts of this evaluation set as Markdown tables (used for README.md)."""

import collections
import json
import pathlib

here = pathlib.Path(__file__).parent
acts = [json.loads(line) for line in open(here / "activities.jsonl", encoding="utf-8")]
pairs = [json.loads(line) for line in open(here / "pairs.jsonl", encoding="utf-8")]
labels = ["duplicate", "related", "unrelated"]
by = collections.Counter((p["languages"], p["label"]) for p in pairs)
used = {p["a"] for p in pairs} | {p["b"] for p in pairs}
print(f"{len(acts)} activities ({len(used)} used in pairs), {len(pairs)} pairs\n")
print("| languages | " + " | ".join(labels) + " | total |")
print("| --- | " + " | ".join("---:" for _ in labels) + " | ---: |")
rows = sorted({lp for lp, _ in by}, key=lambda lp: (lp.split("-")[0] == lp.split("-")[1], -sum(by[lp, l] for l in labels), lp))
for group, name in ((False, "cross-language"), (True, "same language")):
    sel = [lp for lp in rows if (lp.split("-")[0] == lp.split("-")[1]) == group]
    for lp in sel:
        print(f"| {lp} | " + " | ".join(str(by[lp, l]) for l in labels) + f" | {sum(by[lp, l] for l in labels)} |")
    print(f"| **{name}** | " + " | ".join(f"**{sum(by[lp, l] for lp in sel)}**" for l in labels)
          + f" | **{sum(by[lp, l] for lp in sel for l in labels)}** |")
print("| **all** | " + " | ".join(f"**{sum(1 for p in pairs if p['label'] == l)}**" for l in labels) + f" | **{len(pairs)}** |")
print("\n| language | activities (original language) | cross-language pairs involving it |")
print("| --- | ---: | ---: |")
for lang in ["ar", "zh", "en", "fr", "ru", "es"]:
    n = sum(1 for a in acts if a["originalLanguage"] == lang)
    x = sum(1 for p in pairs if lang in p["languages"].split("-") and len(set(p["languages"].split("-"))) == 2)
    print(f"| {lang} | {n} | {x} |")
