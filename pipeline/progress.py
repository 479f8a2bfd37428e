"""A progress bar for long runs: documents done of total, documents per second, time left.

It is drawn on stderr with rich, and only when stderr is a terminal: logs and
redirected output stay free of control characters, and stdout keeps only the
summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .ingest import iter_inputs

if TYPE_CHECKING:  # rich is imported where a bar is drawn: a run without one (a log, a pipe, --quiet) never loads it
    from rich.console import Console
    from rich.progress import ProgressColumn


def _rate_column() -> ProgressColumn:
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Documents per second, averaged over the run so far."""

        def render(self, task: Task) -> Text:
            elapsed = task.finished_time if task.finished else task.elapsed
            if not elapsed or not task.completed:
                return Text("– docs/s", style="progress.data.speed")
            return Text(f"{task.completed / elapsed:.1f} docs/s", style="progress.data.speed")

    return RateColumn()


def progress_wanted(quiet: bool, stream: IO[str]) -> bool:
    """A bar is drawn unless ``--quiet`` was given or ``stream`` (stderr) is not a terminal."""
    return not quiet and stream.isatty()


def count_documents(inputs: Sequence[str | Path], extensions: Sequence[str]) -> int:
    """How many documents the inputs hold (rows of .jsonl/.csv files included): the bar's total."""
    return sum(1 for _ in iter_inputs(inputs, extensions))


@contextmanager
def progress_bar(total: int | None, console: Console, description: str = "documents") -> Iterator[Callable[[int], None]]:
    """A bar on ``console`` counting against ``total``; the block gets the function that advances it by n."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
               _rate_column(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task(description, total=total)
        yield lambda n: progress.advance(task, n)
