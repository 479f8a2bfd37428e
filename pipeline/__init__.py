"""vnextract: Vietnamese information extraction for official and military news.

    >>> from pipeline import Pipeline, load_config, RawDocument
    >>> result = Pipeline(load_config()).process(RawDocument("a.txt", "Đại tá Lê Văn Hùng, Chỉ huy trưởng BĐBP tỉnh Nghệ An"))
    >>> from pipeline import Run, read_tables
    >>> Run(["data/raw"], "data/out").write()
    >>> read_tables("data/out")["people"]

Names are imported on first use, so a command that needs no model (``vnextract config``) does not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("vnextract")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"

# public name -> the module that defines it
_EXPORTS = {
    "Config": "config", "ConfigError": "config", "load_config": "config",
    "Pipeline": "core", "PipelineError": "stages",
    "DocumentResult": "model", "Mention": "model", "RawDocument": "model",
    "Run": "run", "RunError": "run", "RunSummary": "run",
    "read_tables": "tables",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
