"""SIGINT and SIGTERM as one exception, so a run stops cleanly: partial tables dropped, a message, a status.

The command installs the handlers for the whole process; library callers use
``with stop_on_signals(): ...`` around a run.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any


class Interrupted(KeyboardInterrupt):
    """The run received ``signum``; ``exit_status`` follows the shell's 128 + signal number."""

    def __init__(self, signum: int):
        self.signal_name = signal.Signals(signum).name
        self.exit_status = 128 + signum
        super().__init__(self.signal_name)


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# signals the stop handler received in this process (signals are process-wide state): a library that
# catches the handler's exception and raises its own (DuckDB: "Query interrupted") is mapped back with it
RECEIVED: list[int] = []


def as_interrupted(exc: BaseException) -> Interrupted | None:
    """The Interrupted a stop signal caused when ``exc`` is another library's report of it, else None."""
    if RECEIVED and "interrupt" in str(exc).lower():
        return Interrupted(RECEIVED[-1])
    return None


def install_stop_handlers(signums: tuple[int, ...] = STOP_SIGNALS) -> dict[int, Any]:
    """Raise Interrupted on the first of ``signums``; later ones are ignored so the clean-up can finish.

    Returns the previous handlers, for ``restore_handlers``.
    """

    def stop(signum: int, frame: FrameType | None) -> None:
        for other in signums:
            signal.signal(other, signal.SIG_IGN)
        RECEIVED.append(signum)
        raise Interrupted(signum)

    return {signum: signal.signal(signum, stop) for signum in signums}


def restore_handlers(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


@contextmanager
def stop_on_signals(signums: tuple[int, ...] = STOP_SIGNALS) -> Iterator[None]:
    """``install_stop_handlers`` for the duration of a block."""
    previous = install_stop_handlers(signums)
    try:
        yield
    finally:
        restore_handlers(previous)


@contextmanager
def signals_ignored(signums: tuple[int, ...] = STOP_SIGNALS) -> Iterator[None]:
    """Ignore ``signums`` for a block that must not be cut in half (the few renames of a commit).

    Signal handlers belong to the main thread; elsewhere the block runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, signal.SIG_IGN) for signum in signums}
    try:
        yield
    finally:
        restore_handlers(previous)


def interrupted_message(exc: KeyboardInterrupt, out_dir: object) -> tuple[str, int]:
    """The line to print and the exit status after a run was stopped by ``exc``."""
    name = exc.signal_name if isinstance(exc, Interrupted) else "SIGINT"
    status = exc.exit_status if isinstance(exc, Interrupted) else 128 + signal.SIGINT
    return (f"Interrupted ({name}): no table in {out_dir} was changed; "
            f"documents already written are kept for `vnextract run ... --resume`."), status
