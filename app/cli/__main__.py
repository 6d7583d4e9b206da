"""``python -m app.cli``: the same as ``policy-check``."""

import sys

from app.cli import main

sys.exit(main())
