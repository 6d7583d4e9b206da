#!/usr/bin/env python3
"""Build the bundled Simplified Chinese fonts in ``resources/fonts/``.

The app ships a subset of Noto Sans CJK SC (SIL Open Font License 1.1), so that
Chinese renders in the Qt UI and in WeasyPrint PDFs on a machine that has no
CJK font installed. This script produces those files from Debian's font
package; it is a developer tool and is not run by the app or by CI.

Inputs (Debian bookworm packages):

* ``fonts-noto-cjk``  -> /usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc
* ``unicode-data``    -> /usr/share/unicode/Unihan_OtherMappings.txt.bz2
  (its ``kTGH`` field lists the 8105 characters of 通用规范汉字表, 2013)
* ``rules/packs/hubei_ftz_2021/notice.txt`` from this repo

Python requirement: ``fonttools`` (tested with 4.68.0), nothing else.

Regenerate (from the repo root)::

    apt-get install fonts-noto-cjk unicode-data
    python3 -m venv /tmp/fontvenv && /tmp/fontvenv/bin/pip install fonttools==4.68.0
    /tmp/fontvenv/bin/python scripts/subset_fonts.py

What it does, per weight (Regular, Bold):

1. Opens the .ttc collection and picks the face whose family name (name ID 1,
   Windows/English) is "Noto Sans CJK SC".
2. Removes the Japanese, Korean and Traditional Chinese language systems from
   GSUB/GPOS (their ``locl`` variants would add ~7000 glyphs, ~1.5 MB), then
   subsets with ``fontTools.subset`` to the character set below, keeping all
   remaining OpenType layout features (``layout_features='*'``: kern, palt,
   halt, vert, vrt2, vkrn, vpal, vhal, locl, ccmp, liga, fwid, hwid, aalt...),
   dropping CFF hinting, keeping the English name records (copyright, licence
   and licence URL).
3. Renames the family to "Noto Sans SC" (PostScript names NotoSansSC-Regular /
   NotoSansSC-Bold), so that it neither shadows nor is shadowed by a full
   "Noto Sans CJK SC" installed on the system. "Noto" is not a Reserved Font
   Name of these fonts (the only one is "Source"), so the OFL permits it; it is
   also the name Google uses for its own SC subsets of the same fonts.
4. Writes ``NotoSansSC-Regular.otf`` and ``NotoSansSC-Bold.otf`` (OpenType/CFF),
   keeping the source's ``head.modified`` so the output is byte-for-byte
   reproducible for a given fontTools version and source package.
5. Re-opens each output and checks that every requested character the source
   face can draw is in its cmap (always including 湖北自贸试验区鄂政办发 and ‘“”).

Character set:

* U+0020-007E Basic Latin, U+00A0-00FF Latin-1 Supplement,
  U+2000-206F General Punctuation, U+3000-303F CJK Symbols and Punctuation,
  U+FE10-FE1F Vertical Forms, U+FE30-FE4F CJK Compatibility Forms,
  U+FF00-FFEF Halfwidth and Fullwidth Forms;
* every character encodable in GB2312 (all 2-byte code points 0xA1A1-0xF7FE,
  decoded; 7445 characters: 6763 hanzi plus symbols, pinyin letters, kana,
  Greek, Cyrillic, box drawing...);
* the 8105 characters of 通用规范汉字表 (Unihan ``kTGH``; a few are outside the
  BMP or in CJK Extension A);
* every character of ``rules/packs/hubei_ftz_2021/notice.txt``.

The committed fonts include 通用规范汉字表. ``--no-tgh`` builds without the
Unihan data (ranges + GB2312 + notice.txt only) where unicode-data is missing.
"""

from __future__ import annotations

import argparse
import bz2
import contextlib
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
DEFAULT_NOTICE = REPO_ROOT / "rules" / "packs" / "hubei_ftz_2021" / "notice.txt"
DEFAULT_OUT_DIR = REPO_ROOT / "resources" / "fonts"

SOURCE_FAMILY = "Noto Sans CJK SC"
TARGET_FAMILY = "Noto Sans SC"
TARGET_PS_PREFIX = "NotoSansSC"
WEIGHTS = ("Regular", "Bold")  # name ID 2 of the source faces

# Characters that must be in every output (the check fails otherwise).
REQUIRED = "湖北自贸试验区鄂政办发‘“”’"

RANGES = [
    (0x0020, 0x007E),  # Basic Latin (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
TGH_COUNT = 8105

WIN = (3, 1, 0x409)  # platformID, platEncID, langID of the English Windows names


def gb2312_chars() -> set[str]:
    """Every character encodable in GB2312: decode all 2-byte code points."""
    chars: set[str] = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # unassigned cell
                chars.add(bytes((lead, trail)).decode("gb2312"))
    return chars


def _read_unihan_text(path: Path) -> str:
    if path.suffix == ".bz2":
        return bz2.decompress(path.read_bytes()).decode("utf-8")
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            return zf.read("Unihan_OtherMappings.txt").decode("utf-8")
    return path.read_text(encoding="utf-8")


def tgh_chars(path: Path) -> set[str]:
    """The 8105 characters of 通用规范汉字表 (2013), from Unihan's kTGH field.

    Each entry is ``U+XXXX<TAB>kTGH<TAB>2013:N`` with N the character's number in
    the table (1-8105). The set is accepted only if it is exactly numbers 1..8105,
    each once.
    """
    chars: set[str] = set()
    numbers: list[int] = []
    for line in io.StringIO(_read_unihan_text(path)):
        if line.startswith("#") or "\tkTGH\t" not in line:
            continue
        cp, _, value = line.rstrip("\n").split("\t")
        chars.add(chr(int(cp[2:], 16)))
        for item in value.split():
            year, _, num = item.partition(":")
            if year == "2013":
                numbers.append(int(num))
    if len(chars) != TGH_COUNT or sorted(numbers) != list(range(1, TGH_COUNT + 1)):
        raise SystemExit(
            f"{path}: kTGH gives {len(chars)} characters / {len(numbers)} numbers, "
            f"expected exactly 1..{TGH_COUNT}; refusing to guess (use --no-tgh)."
        )
    return chars


def wanted_codepoints(notice: Path, unihan: Path | None) -> tuple[set[int], dict[str, int]]:
    stats: dict[str, int] = {}
    cps: set[int] = set()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    gb = gb2312_chars()
    stats["gb2312"] = len(gb)
    cps.update(map(ord, gb))
    if unihan is not None:
        tgh = tgh_chars(unihan)
        stats["tgh"] = len(tgh)
        stats["tgh_not_in_gb2312"] = len(tgh - gb)
        cps.update(map(ord, tgh))
    text = notice.read_text(encoding="utf-8")
    notice_chars = {c for c in text if c.isprintable() or c == "\u3000"}
    stats["notice"] = len(notice_chars)
    cps.update(map(ord, notice_chars))
    cps.update(map(ord, REQUIRED))
    return cps, stats


def find_face(ttc_path: Path, weight: str) -> int:
    coll = TTCollection(str(ttc_path), lazy=True)
    try:
        for i, face in enumerate(coll.fonts):
            name = face["name"]
            if name.getName(1, *WIN) and str(name.getName(1, *WIN)) == SOURCE_FAMILY:
                sub = str(name.getName(2, *WIN))
                if sub != weight:
                    raise SystemExit(f"{ttc_path}: face {i} is {sub!r}, expected {weight!r}")
                return i
    finally:
        coll.close()
    raise SystemExit(f"{ttc_path}: no face with family name {SOURCE_FAMILY!r}")


def rename(font: TTFont, weight: str) -> str:
    """Give the subset its own family: "Noto Sans SC" / NotoSansSC-<weight>."""
    ps_name = f"{TARGET_PS_PREFIX}-{weight}"
    full_name = TARGET_FAMILY if weight == "Regular" else f"{TARGET_FAMILY} {weight}"
    name = font["name"]
    version = str(name.getName(5, *WIN)).split(";")[0]  # "Version 2.004"
    # Only English Windows records survive the subsetter (name_languages=[0x409]).
    name.names = [n for n in name.names if (n.platformID, n.platEncID, n.langID) == WIN]
    for name_id in (16, 17, 21, 22):  # typographic names, if any: RIBBI names suffice
        name.removeNames(nameID=name_id)
    name.setName(TARGET_FAMILY, 1, *WIN)
    name.setName(weight, 2, *WIN)
    name.setName(f"{version.removeprefix('Version ')};{ps_name};subset", 3, *WIN)
    name.setName(full_name, 4, *WIN)
    name.setName(
        f"{version}; subset of Noto Sans CJK SC by policy-checker scripts/subset_fonts.py",
        5,
        *WIN,
    )
    name.setName(ps_name, 6, *WIN)
    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    top.FullName = full_name
    top.FamilyName = TARGET_FAMILY
    return ps_name


def keep_zhs_langsys(font: TTFont) -> None:
    """Drop the JAN/KOR/ZHT/ZHH language systems from GSUB and GPOS.

    The collection's faces share one GSUB/GPOS. Their ``locl`` lookups for
    Japanese, Korean and Traditional Chinese map the SC glyphs to ~7000 regional
    variants; keeping them would nearly double the glyph count for nothing an SC
    font should do. The default language systems and ZHS (identical features for
    Simplified Chinese) stay, so text tagged ja/ko/zh-Hant simply gets SC forms.
    The subsetter then prunes the features and lookups no longer referenced.
    """
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        for script in font[tag].table.ScriptList.ScriptRecord:
            s = script.Script
            s.LangSysRecord = [r for r in s.LangSysRecord if r.LangSysTag == "ZHS "]
            s.LangSysCount = len(s.LangSysRecord)


def subset_options() -> subset.Options:
    opts = subset.Options()
    opts.hinting = False  # drop CFF hints (stems, hintmasks, BlueValues...)
    opts.name_IDs = ["*"]  # keep copyright, licence (13) and licence URL (14)
    opts.name_languages = [0x409]
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.recalc_timestamp = False
    # Every OpenType layout feature the SC language systems use: kern, palt, halt,
    # vert, vrt2, vkrn, vpal, vhal, locl, ccmp, liga, fwid, hwid, pwid, aalt...
    # Once keep_zhs_langsys() has run this costs ~3% over fontTools' defaults.
    opts.layout_features = ["*"]
    return opts


def build(src_dir: Path, out_dir: Path, cps: set[int]) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = []
    for weight in WEIGHTS:
        ttc = src_dir / f"NotoSansCJK-{weight}.ttc"
        index = find_face(ttc, weight)
        font = TTFont(str(ttc), fontNumber=index, recalcTimestamp=False, lazy=False)
        source_cmap = set(font.getBestCmap())
        missing = sorted(cps - source_cmap)
        keep_zhs_langsys(font)
        subsetter = subset.Subsetter(options=subset_options())
        subsetter.populate(unicodes=sorted(cps))
        subsetter.subset(font)
        ps_name = rename(font, weight)
        out = out_dir / f"{ps_name}.otf"
        font.save(str(out))
        font.close()
        missing_hanzi = [c for c in missing if unicodedata.name(chr(c), "").startswith("CJK")]
        print(
            f"{out.name}: face #{index} of {ttc.name}; of {len(cps)} requested code points "
            f"{len(missing)} are not in the source face (spaces/format controls in "
            f"U+2000-206F, unassigned or halfwidth-Hangul cells), {len(missing_hanzi)} of them CJK"
        )
        outputs.append(out)
    return outputs


def check(path: Path, cps: set[int], src_cmap: set[int]) -> None:
    font = TTFont(str(path))
    cmap = set(font.getBestCmap())
    expect = cps & src_cmap
    lost = expect - cmap
    absent = [c for c in REQUIRED if ord(c) not in cmap]
    name = font["name"]
    hanzi = sum(1 for c in cmap if 0x3400 <= c <= 0x9FFF or 0x20000 <= c <= 0x3FFFF)
    print(
        f"{path.name}: {path.stat().st_size:,} bytes, {len(font.getGlyphOrder())} glyphs, "
        f"{len(cmap)} code points ({hanzi} hanzi), "
        f"family {name.getDebugName(1)!r}, full {name.getDebugName(4)!r}, "
        f"PostScript {name.getDebugName(6)!r}, tables {' '.join(sorted(font.keys()))}"
    )
    font.close()
    if lost or absent:
        raise SystemExit(f"{path}: {len(lost)} characters lost in subsetting; missing {absent}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src-dir", type=Path, default=DEFAULT_SRC_DIR)
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    ap.add_argument("--notice", type=Path, default=DEFAULT_NOTICE)
    ap.add_argument(
        "--unihan",
        type=Path,
        default=DEFAULT_UNIHAN,
        help="Unihan_OtherMappings.txt(.bz2) or Unihan.zip holding kTGH",
    )
    ap.add_argument("--no-tgh", action="store_true", help="leave out 通用规范汉字表")
    args = ap.parse_args(argv)

    unihan = None if args.no_tgh else args.unihan
    if unihan is not None and not unihan.exists():
        raise SystemExit(f"{unihan} not found: apt-get install unicode-data, or use --no-tgh")
    cps, stats = wanted_codepoints(args.notice, unihan)
    print(
        f"character set: {len(cps)} code points; " + ", ".join(f"{k} {v}" for k, v in stats.items())
    )

    outputs = build(args.src_dir, args.out_dir, cps)
    for weight, out in zip(WEIGHTS, outputs, strict=True):
        ttc = args.src_dir / f"NotoSansCJK-{weight}.ttc"
        src = TTFont(str(ttc), fontNumber=find_face(ttc, weight), lazy=True)
        src_cmap = set(src.getBestCmap())
        src.close()
        check(out, cps, src_cmap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
