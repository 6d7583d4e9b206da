#!/usr/bin/env bash
# The whole test suite: style, types and tests. Installs what is missing first (./setup.sh --no-start).
# Extra arguments go to pytest, e.g. ./test.sh -k engine
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh --no-start
echo "== ruff";   .venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy";   .venv/bin/mypy
echo "== rules";  .venv/bin/policy-check rules lint && .venv/bin/policy-check rules test --coverage | grep -v " ok$"
echo "== pytest"; scripts/with_postgres.sh .venv/bin/python -m pytest "$@"
