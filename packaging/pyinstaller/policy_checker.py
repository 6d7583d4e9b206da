"""Entry script of the frozen desktop app (``policy-checker``): ``app.__main__:main``."""

import multiprocessing
import sys

from app.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
