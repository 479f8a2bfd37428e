"""``import spacy`` without spaCy's command-line interface, a third of its import time.

``spacy/__init__.py`` imports ``spacy.cli.info`` for ``spacy.info``, and with
it every spaCy command (typer, weasel, httpx, requests: 144 modules, 0.3 s
of every process that builds a Pipeline, each worker included). vnextract
never uses them. While spaCy is first imported, ``spacy.cli`` and
``spacy.cli.info`` are stand-ins; they are removed right after, so a later
``import spacy.cli`` loads the real one, and ``spacy.info()`` calls it. ``core.py`` imports ``spacy`` from here before
any other spaCy module.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, imported when called."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without its command-line interface when this process has not imported it yet."""
    if "spacy" in sys.modules or any(name in sys.modules for name in STAND_INS):
        return importlib.import_module("spacy")
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that ``spacy.cli.info`` is looked up in sys.modules
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        return importlib.import_module("spacy")
    finally:
        for name in STAND_INS:
            sys.modules.pop(name, None)


spacy = import_spacy()
