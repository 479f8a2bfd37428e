"""Configuration: one YAML key per stage, validated once, every problem reported together.

A user config may be partial: it is merged over the defaults declared in
``SCHEMA`` (``configs/default.yaml`` mirrors them; a test keeps the two equal).
Lexicon paths are resolved relative to the config file that names them.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG_PATH = PROJECT_DIR / "configs" / "default.yaml"

FORMATS = ("csv", "parquet", "jsonl")
EXTRACTORS = ("dates", "places", "ranks", "positions", "people", "orgs", "acronyms")
LEXICONS = ("ranks", "positions", "organizations", "acronyms", "people", "places", "relations", "org_registry",
            "identity")
# where each lexicon is, relative to configs/default.yaml
LEXICON_PATHS = {**{name: f"lexicons/{name}.yaml" for name in LEXICONS},
                 "org_registry": "registry/organizations.yaml"}


@dataclass(frozen=True)
class Setting:
    """One config key: its type, default and, where the set is closed, the allowed values."""

    kind: type | tuple[type, ...]
    default: Any
    allowed: tuple[Any, ...] | None = None


def _enabled() -> Setting:
    return Setting(bool, True)


SCHEMA: dict[str, dict[str, Any]] = {
    "ingest": {
        "enabled": _enabled(),
        "extensions": Setting(list, [".txt", ".jsonl", ".csv"], (".txt", ".jsonl", ".csv")),
        "max_chars": Setting(int, 2_000_000),
        # true/false are YAML booleans; "auto" reads a document as pre-tokenized when most punctuation stands alone
        "pretokenized": Setting((str, bool), "auto", ("auto", True, False)),
    },
    "normalize": {"enabled": _enabled(), "tone_marks": Setting(bool, True)},
    "segment": {"enabled": _enabled(), "engine": Setting(str, "underthesea", ("underthesea",)),
                "words": Setting(str, "needed", ("needed", "all"))},
    "extract": {
        "enabled": _enabled(),
        **{name: {"enabled": _enabled()} for name in EXTRACTORS},
        "acronyms": {"enabled": _enabled(), "learn_definitions": Setting(bool, True)},
    },
    "resolve": {"enabled": _enabled()},
    "write": {
        "enabled": _enabled(),
        "formats": Setting(list, ["csv", "parquet"], FORMATS),
        "batch_size": Setting(int, 64),
        "duckdb": Setting(bool, True),
    },
    "lexicons": {name: Setting(str, LEXICON_PATHS[name]) for name in LEXICONS},
}


class ConfigError(ValueError):
    """Raised with every problem of a config at once."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"invalid config {source}:\n" + "\n".join(f"  - {p}" for p in problems))


def _defaults(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: _defaults(v) if isinstance(v, dict) else copy.deepcopy(v.default) for k, v in schema.items()}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _validate(data: Any, schema: dict[str, Any], path: str, problems: list[str]) -> None:
    if not isinstance(data, dict):
        problems.append(f"{path or 'top level'}: expected a mapping, got {type(data).__name__}")
        return
    for key, value in data.items():
        where = f"{path}.{key}" if path else str(key)
        if key not in schema:
            problems.append(f"{where}: unknown key; allowed keys here: {', '.join(schema)}")
            continue
        rule = schema[key]
        if isinstance(rule, dict):
            _validate(value, rule, where, problems)
            continue
        # bool is a subclass of int: an int setting must not accept true/false
        if not isinstance(value, rule.kind) or (rule.kind is int and isinstance(value, bool)):
            problems.append(f"{where}: expected {_kind_name(rule.kind)}, got {value!r}")
            continue
        if rule.allowed is not None:
            values = value if isinstance(value, list) else [value]
            # 1 == True in Python: an allowed value must also have the type of the value given
            bad = [v for v in values if not any(v == a and type(v) is type(a) for a in rule.allowed)]
            if bad:
                problems.append(f"{where}: {', '.join(map(repr, bad))} not allowed; "
                                f"allowed values: {', '.join(map(_yaml_value, rule.allowed))}")
        if rule.kind is int and value < 1:
            problems.append(f"{where}: must be a positive integer, got {value}")


def _kind_name(kind: type | tuple[type, ...]) -> str:
    return " or ".join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__


def _yaml_value(value: Any) -> str:
    """A value as it is written in YAML (``true``, not ``True``)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class Config:
    """A validated configuration with lexicon paths made absolute."""

    data: dict[str, Any]
    source: str

    def stage(self, name: str) -> dict[str, Any]:
        return self.data[name]

    def lexicon_path(self, name: str) -> Path:
        return Path(self.data["lexicons"][name])

    def fingerprint(self) -> str:
        """A hash of the effective config and the content of every lexicon it names."""
        digest = hashlib.sha256(json.dumps(self.data, sort_keys=True, ensure_ascii=False).encode())
        for name in LEXICONS:
            digest.update(self.lexicon_path(name).read_bytes())
        return digest.hexdigest()[:16]


def parse_overrides(items: Sequence[str], cwd: Path | None = None) -> dict[str, Any]:
    """``KEY.PATH=VALUE`` command-line overrides as a nested mapping, validated against SCHEMA.

    Values are read as YAML (``false``, ``64``, ``[csv, jsonl]``); a ``lexicons.NAME``
    path is taken relative to ``cwd`` (the current directory by default), as any
    path typed on a command line. Raises ConfigError (source ``--set``) listing
    every bad item with the allowed keys or values.

    >>> parse_overrides(["extract.dates.enabled=false", "write.batch_size=8"])
    {'extract': {'dates': {'enabled': False}}, 'write': {'batch_size': 8}}
    """
    base = Path.cwd() if cwd is None else cwd
    tree: dict[str, Any] = {}
    problems: list[str] = []
    for item in items:
        key, sep, text = item.partition("=")
        parts = key.strip().split(".")
        if not sep or not all(parts):
            problems.append(f"{item!r}: expected KEY.PATH=VALUE, e.g. extract.dates.enabled=false")
            continue
        try:
            value = yaml.safe_load(text) if text.strip() else None
        except yaml.YAMLError as exc:
            problems.append(f"{key}: value {text!r} is not valid YAML: {exc}")
            continue
        if parts[0] == "lexicons" and len(parts) == 2 and isinstance(value, str):
            value = str((base / value).resolve())
            if not Path(value).is_file():
                problems.append(f"{key}: file not found: {value}")
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                problems.append(f"{key}: conflicts with another --set of {part}")
                break
        else:
            node[parts[-1]] = value
    _validate(tree, SCHEMA, "", problems)
    if problems:
        raise ConfigError("--set", problems)
    return tree


def effective_yaml(config: Config) -> str:
    """The effective config as YAML, lexicon paths absolute."""
    return yaml.safe_dump(config.data, sort_keys=False, allow_unicode=True, default_flow_style=False)


def load_config(path: str | Path | None = None, overrides: Sequence[str] = ()) -> Config:
    """Read, merge over the defaults and validate a YAML config, then apply ``--set`` overrides.

    Raises ConfigError naming the file and listing every problem: unknown keys
    with the allowed ones, wrong types, values outside the allowed set, and
    lexicon files that do not exist. Bad overrides are refused first, before
    the file is read (see :func:`parse_overrides`).
    """
    override_tree = parse_overrides(overrides)
    config_path = Path(path) if path is not None else DEFAULT_CONFIG_PATH
    source = str(config_path)
    try:
        raw = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(source, ["file not found"]) from None
    except yaml.YAMLError as exc:
        raise ConfigError(source, [f"not valid YAML: {exc}"]) from None
    raw = raw if raw is not None else {}
    if isinstance(raw, dict):
        raw = _merge(raw, override_tree)
    problems: list[str] = []
    _validate(raw, SCHEMA, "", problems)
    if not isinstance(raw, dict):
        raise ConfigError(source, problems)
    # lexicon files are checked even when other keys are wrong, so that every problem is reported at once
    named = raw.get("lexicons") if isinstance(raw.get("lexicons"), dict) else {}
    lexicons: dict[str, str] = {}
    for name in LEXICONS:
        value = named.get(name, SCHEMA["lexicons"][name].default)
        if not isinstance(value, str):
            continue  # reported by _validate
        base = config_path.parent if name in named else DEFAULT_CONFIG_PATH.parent
        lexicon = (base / value).resolve()
        lexicons[name] = str(lexicon)
        if not lexicon.is_file():
            problems.append(f"lexicons.{name}: file not found: {lexicon}")
    if problems:
        raise ConfigError(source, problems)
    data = _merge(_defaults(SCHEMA), raw)
    data["lexicons"].update(lexicons)
    return Config(data=data, source=source)
