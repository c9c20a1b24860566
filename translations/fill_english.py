#!/usr/bin/env python3
"""English is the source language: after lupdate, every unfinished entry of vigil_en.ts takes its
source text as its translation. Plural (numerus) entries are written by hand and left alone."""
import pathlib
import re
import sys

path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("vigil_en.ts"))
text = path.read_text(encoding="utf-8")
# [^<]* keeps each match inside one message (sources hold entities, never a raw '<'); a translation
# lupdate's same-text heuristic pre-filled is unfinished too and gets the source text as well.
pattern = re.compile(r'(<message>\s*<source>([^<]*)</source>\s*)<translation type="unfinished">[^<]*</translation>')
filled, count = pattern.subn(lambda m: m.group(1) + "<translation>" + m.group(2) + "</translation>", text)
path.write_text(filled, encoding="utf-8")
left = filled.count('type="unfinished"')
print(f"{path.name}: {count} entries filled; {left} still unfinished (plural forms are written by hand)")
sys.exit(1 if left else 0)
