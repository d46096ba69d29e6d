#!/usr/bin/env python3
"""Derives data/sdg/sdg.json from a checkout of open-sdg/sdg-translations (MIT).

Usage: python3 data/sdg/derive.py /path/to/sdg-translations-git-dir COMMIT
Reads translations/<lang>/global_goals.yml and global_targets.yml for the six languages.
"""
import json, subprocess, sys, yaml

repo, commit = sys.argv[1], sys.argv[2]
LANGS = {"ar": "ar", "zh": "zh-Hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}

def load(lang_dir, name):
    text = subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:translations/{lang_dir}/{name}.yml"],
                          capture_output=True, check=True, text=True).stdout
    return yaml.safe_load(text)

def target_key(code):
    goal, target = code.split(".")
    return (int(goal), (0, int(target)) if target.isdigit() else (1, target))

goals, targets = {}, {}
for lang, directory in LANGS.items():
    for key, value in load(directory, "global_goals").items():
        number, field = key.split("-", 1)
        if field in ("title", "short"):
            goals.setdefault(int(number), {"code": number, "title": {}, "short": {}})[field][lang] = " ".join(str(value).split())
    for key, value in load(directory, "global_targets").items():
        goal, target, field = key.split("-", 2)
        if field == "title":
            code = f"{goal}.{target}"
            targets.setdefault(code, {"code": code, "goal": goal, "text": {}})["text"][lang] = " ".join(str(value).split())

out = {
    "source": f"open-sdg/sdg-translations@{commit} (MIT); texts are the United Nations' official SDG goals and targets",
    "goals": [goals[n] for n in sorted(goals)],
    "targets": [targets[c] for c in sorted(targets, key=target_key)],
}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
