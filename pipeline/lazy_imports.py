"""spaCy and underthesea imported without the parts vnextract never uses: half a second of every process.

``import spacy`` imports spaCy's whole command-line interface for
``spacy.info`` (typer, weasel, httpx, requests: 144 modules, 0.3 s), and
``import underthesea`` imports its POS tagger, chunker, NER and classifier,
each building large feature tables at import (0.5 s), and its language
detector, which imports requests (60 ms). vnextract uses none of them. While such a package is first imported, those modules are
stand-ins whose functions import the real ones when called; the stand-ins
are removed right after, so a later ``import spacy.cli`` or
``from underthesea import ner`` gets the real module, and ``spacy.info()`` or
``underthesea.ner(...)`` works as before. ``core.py`` imports both from here
before any other module imports them (the Pipeline is where they are used).
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any

# module → the functions it gives its package's __init__
SPACY_STAND_INS = {"spacy.cli": (), "spacy.cli.info": ("info",)}
UNDERTHESEA_STAND_INS = {
    "underthesea.pipeline.chunking": ("chunk",),
    "underthesea.pipeline.ner": ("ner",),
    "underthesea.pipeline.pos_tag": ("pos_tag",),
    "underthesea.pipeline.classification": ("classify",),
    "underthesea.pipeline.lang_detect": ("lang_detect",),
}


def _forwarder(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"``{module}.{name}``, imported when first called."
    return call


def import_without(package: str, stand_ins: dict[str, tuple[str, ...]]) -> types.ModuleType:
    """``package``, imported while the modules of ``stand_ins`` are stand-ins (when this process has not imported it)."""
    if package in sys.modules or any(name in sys.modules for name in stand_ins):
        return importlib.import_module(package)
    for name, functions in stand_ins.items():
        stand_in = types.ModuleType(name)
        stand_in.__path__ = []  # a package, so that a stand-in's submodule is looked up in sys.modules
        for function in functions:
            setattr(stand_in, function, _forwarder(name, function))
        sys.modules[name] = stand_in
    try:
        return importlib.import_module(package)
    finally:
        for name in stand_ins:
            sys.modules.pop(name, None)


spacy = import_without("spacy", SPACY_STAND_INS)
underthesea = import_without("underthesea", UNDERTHESEA_STAND_INS)
