"""Check some measures of the default pack in isolation: load them and run their cases.

Usage: .venv/bin/python scripts/check_measures.py m03 m04 ...
Copies pack.yaml, notice.txt and the named measures/cases into a temporary pack, so that work in
progress on other measures cannot break the check. Exit 0 when all load and all cases pass.
"""

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rules.cases import run_cases
from rules.pack import DEFAULT_PACK_DIR, PackError, load_pack

ids = sys.argv[1:]
with tempfile.TemporaryDirectory() as tmp:
    pack_dir = Path(tmp)
    (pack_dir / "measures").mkdir()
    (pack_dir / "cases").mkdir()
    shutil.copy(DEFAULT_PACK_DIR / "pack.yaml", pack_dir)
    shutil.copy(DEFAULT_PACK_DIR / "notice.txt", pack_dir)
    for measure_id in ids:
        shutil.copy(DEFAULT_PACK_DIR / "measures" / f"{measure_id}.yaml", pack_dir / "measures")
        case_file = DEFAULT_PACK_DIR / "cases" / f"{measure_id}.yaml"
        if case_file.exists():
            shutil.copy(case_file, pack_dir / "cases")
        else:
            print(f"{measure_id}: no cases file")
    try:
        pack = load_pack(pack_dir)
    except PackError as error:
        print("PACK ERRORS:\n" + "\n".join(error.problems))
        sys.exit(1)
    failed = 0
    for outcome in run_cases(pack_dir):
        status = "ok  " if outcome.passed else "FAIL"
        print(f"{status} {outcome.file}: {outcome.case.name} {'; '.join(outcome.failures)}")
        failed += not outcome.passed
    print(f"{len(pack.measures)} measures loaded, {failed} failing cases")
    sys.exit(1 if failed else 0)
