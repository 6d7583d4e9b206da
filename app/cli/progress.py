"""``policy-check batch``'s progress line and its per-measure summary.

The progress line is drawn on stderr only when stderr is a terminal (never into a pipe or a
file, and not with ``--quiet``): rows done (of how many, when the input says), the rate over the
last seconds, and the time left, from the row count (Parquet) or from how much of the file has
been read (CSV, JSONL, Excel). It is redrawn at most four times a second, on one line (carriage
return), and cleared before any other line is printed, so a refused row's line stays whole.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter, deque
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final, TextIO

from app.cli.text_table import render_table

if TYPE_CHECKING:
    import polars as pl

REDRAW_SECONDS: Final = 0.25
RATE_WINDOW_SECONDS: Final = 10.0
VERDICTS: Final = ("eligible", "needs_info", "not_eligible", "not_applicable")


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class Progress:
    """Rows done, rate and time left, on one redrawn line; silent when not ``enabled``."""

    def __init__(
        self,
        stream: TextIO,
        enabled: bool,
        total: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        unit: str = "rows",
    ) -> None:
        self.stream = stream
        self.unit = unit
        self.enabled = enabled
        self.total = total
        self._clock = clock
        self._started = clock()
        self._samples: deque[tuple[float, int]] = deque([(self._started, 0)])
        self._drawn_at = float("-inf")
        self._width = 0  # columns of the line on screen, 0 when none is
        self._text = ""

    def update(self, done: int, fraction: float | None = None, note: str = "") -> None:
        """``done`` rows so far; ``fraction`` of the input read when the total is not known."""
        if not self.enabled:
            return
        now = self._clock()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[1][0] > RATE_WINDOW_SECONDS:
            self._samples.popleft()
        if now - self._drawn_at < REDRAW_SECONDS:
            return
        self._drawn_at = now
        self._text = self.text(done, fraction, note, now)
        self._draw()

    def text(self, done: int, fraction: float | None, note: str, now: float) -> str:
        first_time, first_done = self._samples[0]
        elapsed = now - first_time
        rate = (done - first_done) / elapsed if elapsed > 0 else 0.0
        parts = []
        left: float | None = None
        if self.total:
            share = min(done / self.total, 1.0)
            parts.append(f"{_bar(share)} {done:,}/{self.total:,} {self.unit} {share:4.0%}")
            if rate > 0:
                left = (self.total - done) / rate
        else:
            parts.append(f"{done:,} {self.unit}")
            if fraction and done:
                parts[0] = f"{_bar(fraction)} {done:,} {self.unit} {fraction:4.0%}"
                if rate > 0:
                    left = done * (1 - fraction) / fraction / rate
        per_second = f"{rate:,.0f}" if rate >= 10 else f"{rate:.1f}"
        parts.append(f"{per_second} {self.unit}/s")
        parts.append(f"{_duration(left)} left" if left is not None else "")
        parts.append(note)
        return "  ".join(p for p in parts if p)

    def _draw(self) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns - 1
        text = self._text[:columns]
        self.stream.write("\r" + text + " " * max(0, self._width - len(text)))
        self.stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def print(self, line: str) -> None:
        """Print a line (a refused row) above the progress line, which is then drawn again."""
        self.clear()
        print(line, file=self.stream, flush=True)
        if self.enabled and self._text:
            self._draw()

    def close(self) -> None:
        self.clear()


def _bar(share: float, width: int = 20) -> str:
    filled = int(share * width)
    return "[" + "#" * filled + "." * (width - filled) + "]"


class Summary:
    """How many companies each measure finds eligible, needing information, not eligible."""

    def __init__(self, measures: list[tuple[str, str]]) -> None:
        """``measures``: (id, title) in the pack's order."""
        self.measures = measures
        self.counts: dict[str, Counter[str]] = {m: Counter() for m, _ in measures}
        self.companies = 0

    def add(self, verdicts: Mapping[str, str]) -> None:
        self.companies += 1
        for measure, verdict in verdicts.items():
            self.counts[measure][verdict] += 1

    def add_frame(self, matrix: pl.DataFrame) -> None:
        """Many companies at once: a matrix with one verdict column per measure id."""
        import polars as pl

        self.companies += matrix.height
        pairs = [(m, v) for m, _ in self.measures for v in VERDICTS]
        counts = matrix.select(
            (pl.col(m) == v).sum().alias(str(i)) for i, (m, v) in enumerate(pairs)
        ).row(0)
        for (measure, verdict), count in zip(pairs, counts, strict=True):
            self.counts[measure][verdict] += count

    def rows(self) -> list[list[str]]:
        return [
            [measure, title, *(str(self.counts[measure][v]) for v in VERDICTS)]
            for measure, title in self.measures
        ]

    def table(self) -> str:
        headers = ["measure", "title", *VERDICTS]
        body = render_table(headers, self.rows(), max_width=40)
        return f"Per measure, over {self.companies:,} companies assessed:\n{body}"
