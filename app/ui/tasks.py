"""Work off the GUI thread: database queries, imports, PDF rendering.

``run_task(fn, ...)`` runs ``fn`` in Qt's global thread pool and delivers its result, its error
or its progress back on the GUI thread through queued signals. The GUI thread never waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    """``fn(*args)``, or ``fn(*args, progress=...)`` when ``with_progress``, in a worker."""

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False) -> None:
        super().__init__()
        self.signals = _Signals()
        self._fn = fn
        self._args = args
        self._with_progress = with_progress

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._fn(*self._args, progress=self.signals.progress.emit)
            else:
                result = self._fn(*self._args)
        except Exception as error:  # delivered to the GUI thread, shown there in plain words
            log.exception("background task failed")
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


# Tasks in flight, kept alive until their result is delivered (their signals live on them).
_running: set[Task] = set()


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[Exception], None] | None = None,
    on_progress: Progress | None = None,
) -> Task:
    """Run ``fn(*args)`` in a worker; the callbacks run on the GUI thread."""
    task = Task(fn, *args, with_progress=on_progress is not None)
    task.setAutoDelete(False)
    _running.add(task)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _running.discard(task)
        if callback is not None:
            callback(value)

    task.signals.done.connect(lambda value: finish(on_done, value))
    task.signals.failed.connect(lambda error: finish(on_failed, error))
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task


def busy() -> bool:
    """Whether any task is still running or has an undelivered result (tests wait on this)."""
    return bool(_running)


def wait_until_idle(timeout_ms: int = 30_000) -> None:
    """Process events until every task has delivered its result (e.g. a save before quitting).

    The GUI stays responsive: events are processed while waiting.
    """
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    while _running and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
