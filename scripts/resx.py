#!/usr/bin/env python3
"""Adds or updates interface strings in a pair of resource files (English neutral + a translation).

    python3 scripts/resx.py src/Modelwatch.Web/Features/Leaderboard/LeaderboardText ko "Rank=순위" "Votes=투표 수"

The key is the English text (what the page passes to IStringLocalizer); the neutral file gets key = English, the
language file the translation. Files are created when missing and kept sorted by key, so merges stay small.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def save(path: Path, entries: dict) -> None:
    lines = [HEADER]
    for key in sorted(entries, key=str.casefold):
        lines.append(f'  <data name="{esc(key)}" xml:space="preserve">\n    <value>{esc(entries[key])}</value>\n  </data>\n')
    lines.append("</root>\n")
    path.write_text("".join(lines), encoding="utf-8")


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 1
    base, language, pairs = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    neutral_path = base.with_suffix(".resx")
    language_path = base.with_name(f"{base.name}.{language}.resx")
    neutral, translated = load(neutral_path), load(language_path)
    for pair in pairs:
        if "=" not in pair:
            print(f"expected English=translation, got: {pair}", file=sys.stderr)
            return 1
        english, translation = pair.split("=", 1)
        neutral[english] = english
        translated[english] = translation
    save(neutral_path, neutral)
    save(language_path, translated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
