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

underthesea's text normalizer also imports joblib (50 ms) to read its rules,
a plain pickle stream, twice at import: joblib is a stand-in then too, whose
``load`` reads such a stream with the C unpickler (:func:`_load_plain_pickle`).
"""

from __future__ import annotations

import importlib
import pickle
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
    "joblib": ("load",),
}


def _real(module: str) -> types.ModuleType:
    """The real module: a stand-in in its place (the package's import still running) is put aside for good."""
    if getattr(sys.modules.get(module), "__stand_in__", False):
        del sys.modules[module]
    return importlib.import_module(module)


def _forwarder(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"``{module}.{name}``, imported when first called."
    return call


def _load_plain_pickle(filename: Any, *args: Any, **kwargs: Any) -> Any:
    """``joblib.load`` of a file written as one plain pickle stream (underthesea's text normalizer rules), by the C
    unpickler; what it cannot read (a compressed container, a file object) goes to joblib itself."""
    if isinstance(filename, str) and not args and not kwargs:
        try:
            with open(filename, "rb") as handle:
                return pickle.load(handle)
        except pickle.UnpicklingError:
            pass
    return _real("joblib").load(filename, *args, **kwargs)


# stand-ins that do the work themselves rather than forward it (module → function name → function)
OWN_FUNCTIONS: dict[str, dict[str, Callable[..., Any]]] = {"joblib": {"load": _load_plain_pickle}}


def import_without(package: str, stand_ins: dict[str, tuple[str, ...]]) -> types.ModuleType:
    """``package``, imported while the modules of ``stand_ins`` that this process has not imported are stand-ins
    (when it has not imported the package either)."""
    if package in sys.modules:
        return importlib.import_module(package)
    for name, functions in stand_ins.items():
        if name in sys.modules:
            continue
        stand_in = types.ModuleType(name)
        stand_in.__path__ = []  # a package, so that a stand-in's submodule is looked up in sys.modules
        stand_in.__stand_in__ = True  # type: ignore[attr-defined]
        for function in functions:
            setattr(stand_in, function, OWN_FUNCTIONS.get(name, {}).get(function) or _forwarder(name, function))
        sys.modules[name] = stand_in
    try:
        return importlib.import_module(package)
    finally:
        for name in stand_ins:
            if getattr(sys.modules.get(name), "__stand_in__", False):
                del sys.modules[name]


spacy = import_without("spacy", SPACY_STAND_INS)
underthesea = import_without("underthesea", UNDERTHESEA_STAND_INS)
