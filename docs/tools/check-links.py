#!/usr/bin/env python3
"""Checks every relative link and image of the given markdown files: the target exists inside the
repository and, for an #anchor into a markdown file, a heading with that GitHub slug exists.
Prints each bad link and exits 1; lists external links so a reviewer sees every one.

    python3 docs/tools/check-links.py README.md docs/*.md docs/plugins/*.md

Run it from the repository root. ALLOW_MISSING="docs/a.md docs/b.md" tolerates pages that are
being written."""
import os, re, sys
PENDING = set(os.environ.get("ALLOW_MISSING", "").split())
root = os.getcwd()
def slugs(path):
    out = set(); inside = False
    for line in open(path, encoding="utf-8"):
        if line.startswith("```"): inside = not inside; continue
        if inside: continue
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            s = m.group(1).strip().lower()
            s = re.sub(r"[^\w\- ]", "", s).replace(" ", "-")
            out.add(s)
    return out
bad = 0; external = set()
for md in sys.argv[1:]:
    text = open(md, encoding="utf-8").read()
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"`[^`\n]*`", "", text)
    for m in re.finditer(r"!?\[[^\]]*\]\(([^)\s]+)\)", text):
        target = m.group(1)
        if re.match(r"[a-z]+:", target):
            external.add(target); continue
        path, _, anchor = target.partition("#")
        full = os.path.normpath(os.path.join(os.path.dirname(md), path)) if path else md
        rel = os.path.relpath(full, root)
        if rel.startswith(".."):
            print(f"{md}: {target}: leaves the repository"); bad += 1; continue
        if not os.path.exists(full):
            if rel in PENDING: continue
            print(f"{md}: {target}: {rel} does not exist"); bad += 1; continue
        if anchor and full.endswith(".md") and anchor not in slugs(full):
            print(f"{md}: {target}: no heading #{anchor} in {rel}"); bad += 1
for e in sorted(external): print("external:", e)
sys.exit(1 if bad else 0)
