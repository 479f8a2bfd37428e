"""The pipeline's stages, what each requires and provides, and the check that a config's stages can run together.

Like Stanza's processors, each stage names what it requires and provides; a
config that switches off a stage another one needs is refused before any
work, with every unmet need in one message. Kept apart from ``core.py`` so
that a run checks its config before it imports the models' libraries.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Config


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("ingest", (), ("documents",)),
    Stage("normalize", ("documents",), ("normalized_text",)),
    Stage("segment", ("documents",), ("sentences", "tokens")),
    Stage("extract", ("tokens",), ("mentions",)),
    Stage("resolve", ("mentions",), ("records",)),
    Stage("write", ("documents",), ("tables",)),
)


class PipelineError(ValueError):
    """The enabled stages cannot run together."""


def check_stages(config: Config) -> list[str]:
    """Every need of an enabled stage that no earlier enabled stage provides."""
    provided: set[str] = set()
    unmet = []
    for stage in STAGES:
        if not config.stage(stage.name)["enabled"]:
            continue
        for need in stage.requires:
            if need not in provided:
                givers = [s.name for s in STAGES if need in s.provides]
                unmet.append(f"{stage.name} needs {need}, provided by {', '.join(givers)}, which is switched off")
        provided.update(stage.provides)
    return unmet


def ensure_runnable(config: Config) -> None:
    """Raise PipelineError naming every unmet need of the enabled stages of ``config``."""
    unmet = check_stages(config)
    if unmet:
        raise PipelineError(f"config {config.source}: " + "; ".join(unmet))
