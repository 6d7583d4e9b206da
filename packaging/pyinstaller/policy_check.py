"""Entry script of the frozen command line (``policy-check``): ``app.cli:main``.

``batch --jobs N`` starts worker processes with the "spawn" method: in a frozen app each worker
is this executable started again, and ``freeze_support`` turns it into the worker.
"""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
