"""Fill i18n/policy_checker_en.ts: English is the source language, so each translation is its
source. Run by ``scripts/build-translations --update`` after lupdate added new messages."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def fill(path: Path) -> int:
    tree = ElementTree.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = source.text
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "i18n/policy_checker_en.ts")
    print(f"{target}: {fill(target)} messages filled")
