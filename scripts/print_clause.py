"""Print measure N's clause from a pack's notice.txt as a YAML block, for pasting into mNN.yaml.

Usage: python scripts/print_clause.py N [PACK_DIR]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rules.notice import split_measures

folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("rules/packs/hubei_ftz_2021")
clause = split_measures((folder / "notice.txt").read_text(encoding="utf-8"))[int(sys.argv[1])]
print("clause: |-\n  " + clause)
