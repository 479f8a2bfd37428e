"""The registry of Vietnamese official bodies: ``configs/registry/organizations.yaml``.

Organizations get what places have in :mod:`pipeline.registry`: a finite,
dated list of official bodies, each with its official name, the short forms
and acronyms it is written with, its kind, the body it belongs to and, for a
body renamed or merged, its successor. Three sections:

- ``bodies``: one official body each (``Bộ Công an``, ``Cục Cảnh sát giao
  thông``, ``Vùng 2 Hải quân``, a ministry merged in 2025 with its successor);
- ``templates``: bodies every province or commune has (``Công an``,
  ``Ủy ban nhân dân``, ``Sở Tài chính``), named with a place of the place
  registry: ``Công an`` + ``tỉnh Nghệ An`` is one body, ``cong-an:40``;
- ``unit_names``: sub-units named by their function in sentence case
  (``Phòng Cảnh sát hình sự``, ``Đội Cảnh sát điều tra tội phạm về trật tự
  xã hội``), whose parent is what is written after them.

Every written form is keyed by :func:`form_key`, which ignores case, commas,
spacing and tone placement, so a name is matched whole however it is cased
and punctuated:

    >>> form_key("Cục Cảnh sát phòng cháy, chữa cháy") == form_key("CỤC CẢNH SÁT PHÒNG CHÁY CHỮA CHÁY")
    True

A bad file raises :class:`OrgRegistryError` naming the file, the line and the
field, so a researcher who edits the registry learns what to fix at start-up.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .lexicons import LexiconError, nfc
from .registry import name_key
from .segment import PIECE, is_acronym_form

# what a body or template is; an entry of another kind is refused with this list
KINDS = (
    "party", "party_committee", "party_body", "legislature", "committee", "agency", "court", "procuracy",
    "government", "ministry", "general_department", "department", "front", "mass_organization", "press",
    "force", "general_staff", "service", "arm", "command", "region", "military_region", "corps", "unit",
    "academy", "hospital", "international", "people_committee", "people_council", "delegation", "police",
    "military_command", "border_guard_command", "border_guard", "police_division", "police_team",
    "council_committee", "bank", "commune_department", "enterprise",
)
# place levels a template takes: a province, a commune (ward, special zone), a district (before 2025)
LEVELS = ("province", "commune", "district")
PLACE_FORMS = ("unit", "name")
ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
# roles of a written form, from the most to the least telling
NAME, VARIANT, SHORT, IN_CONTEXT, ACRONYM, TEMPLATE, UNIT_NAME = (
    "name", "variant", "short", "in_context", "acronym", "template", "unit_name")


class OrgRegistryError(LexiconError):
    """The registry file is missing, not YAML, or an entry is not of the documented shape."""


# the same heads and names come back in every document
@functools.lru_cache(maxsize=1 << 14)
def form_key(text: str) -> str:
    """The key of a written name: case, commas, spacing, dash kind and tone placement ignored.

    An acronym defined in parentheses inside the name is no part of it
    (``Phòng Cảnh sát điều tra (CSĐT) tội phạm về ma túy``).

    >>> form_key("Bộ Văn hóa, Thể thao và Du lịch") == form_key("bộ văn hoá thể thao và du lịch")
    True
    >>> form_key("Phòng Cảnh sát điều tra (CSĐT) tội phạm về ma túy") == form_key(
    ...     "Phòng Cảnh sát điều tra tội phạm về ma túy")
    True
    """
    pieces = [piece for piece in PIECE.findall(text.replace("–", "-")) if piece != ","]
    if "(" in pieces:
        pieces = [piece for i, piece in enumerate(pieces) if not _defined_acronym(pieces, i)]
    return name_key(" ".join(pieces))


def _defined_acronym(pieces: list[str], i: int) -> bool:
    """Whether piece ``i`` is part of ``( ACRONYM )`` inside a name."""
    for start in (i - 2, i - 1, i):
        if (0 < start and start + 2 < len(pieces) and pieces[start] == "(" and pieces[start + 2] == ")"
                and is_acronym_form(pieces[start + 1])):
            return True
    return False


@dataclass(frozen=True)
class Body:
    """One official body. ``valid_to`` set: a former body, taken over by ``successor`` (an id)."""

    id: str
    name: str
    kind: str
    parent: str | None = None
    variants: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    short_in_context: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    successor: str | None = None
    line: int = 0

    @property
    def former(self) -> bool:
        return self.valid_to is not None


@dataclass(frozen=True)
class Template:
    """A body every unit of ``levels`` has, named ``name`` + the place (``place``: with its unit word or not)."""

    id: str
    name: str
    kind: str
    levels: tuple[str, ...]
    forms: tuple[str, ...] = ()
    parent: dict[str, str] = field(default_factory=dict)
    place: str = "unit"
    bare: bool = False
    valid_to: str | None = None
    successor: str | None = None
    line: int = 0

    def full_name(self, place: str) -> str:
        """``Công an`` + ``tỉnh Nghệ An`` → ``Công an tỉnh Nghệ An``; ``Tỉnh ủy`` + it → ``Tỉnh ủy Nghệ An``."""
        if self.place == "name":
            place = strip_unit_word(place)
        return f"{self.name} {place}"


@dataclass(frozen=True)
class UnitName:
    """A sub-unit named by its function (``Phòng Cảnh sát hình sự``); ``parents``: the templates it belongs to."""

    name: str
    kind: str
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Form:
    """One written form of an entry: ``role`` says how it names it (NAME, SHORT, TEMPLATE …)."""

    text: str
    entry: str
    role: str


# the unit words a body named after its place's name leaves out: a province's, a district's ("Huyện ủy Trùng Khánh")
NAME_ONLY_UNIT_WORDS = ("thành phố ", "tỉnh ", "huyện ", "thị xã ", "quận ")


def strip_unit_word(place: str) -> str:
    """``tỉnh Nghệ An`` → ``Nghệ An``, ``huyện Trùng Khánh`` → ``Trùng Khánh``: the name as bodies named after a
    province or a district write it."""
    for unit in NAME_ONLY_UNIT_WORDS:
        if place.lower().startswith(unit):
            return place[len(unit):]
    return place


class OrgRegistry:
    """Bodies, templates and unit names of one registry file, with every written form indexed by :func:`form_key`."""

    def __init__(self, bodies: list[Body], templates: list[Template], unit_names: list[UnitName]):
        self.bodies = {body.id: body for body in bodies}
        self.templates = {template.id: template for template in templates}
        self.unit_names = {form_key(unit.name): unit for unit in unit_names}
        self.forms: dict[str, list[Form]] = {}
        for body in bodies:
            for role, texts in ((NAME, (body.name,)), (VARIANT, body.variants), (SHORT, body.short),
                                (IN_CONTEXT, body.short_in_context), (ACRONYM, body.acronyms)):
                for text in texts:
                    self._add(Form(text, body.id, role))
        for template in templates:
            for text in (template.name, *template.forms):
                self._add(Form(text, template.id, TEMPLATE))
        for unit in unit_names:
            self._add(Form(unit.name, unit.name, UNIT_NAME))

    def _add(self, form: Form) -> None:
        self.forms.setdefault(form_key(form.text), []).append(form)

    @classmethod
    def load(cls, path: Path) -> OrgRegistry:
        """Read and check a registry file (parsed once per process and file version)."""
        path = Path(path)
        try:
            stat = path.stat()
        except OSError as exc:
            raise OrgRegistryError(f"{path}: cannot read the organization registry: {exc.strerror or exc}") from None
        return _load_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size)

    def lookup(self, text: str) -> list[Form]:
        """The registry forms written as ``text`` (any case, with or without commas)."""
        return self.forms.get(form_key(text), [])

    def written_forms(self) -> Iterator[str]:
        """Every form as the text may write it: as in the registry, and without its commas."""
        for forms in self.forms.values():
            for form in forms:
                yield form.text
                if "," in form.text:
                    yield " ".join(form.text.replace(",", " ").split())

    def name_of(self, entry: str) -> str | None:
        body = self.bodies.get(entry)
        return body.name if body is not None else None

    def template_instance(self, template: Template, place: str, province: str | None, level: str,
                          ) -> tuple[str | None, str | None]:
        """(parent, successor) names of ``template`` at ``place`` (a unit of ``level`` in ``province``)."""
        parent = template.parent.get(level)
        parent_name = None
        if parent in self.templates and province:
            parent_name = self.templates[parent].full_name(province)
        elif parent in self.bodies:
            parent_name = self.bodies[parent].name
        successor = None
        if template.successor in self.templates:
            successor = self.templates[template.successor].full_name(place)
        return parent_name, successor

    def attrs_of_body(self, body: Body) -> dict[str, str]:
        attrs = {"registry_id": body.id, "kind": body.kind}
        if body.parent:
            attrs["parent"] = self.bodies[body.parent].name
        if body.successor:
            attrs["successor"] = self.bodies[body.successor].name
        return attrs


# --- loading -----------------------------------------------------------------------------------

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Map(dict):
    """A YAML mapping that remembers the line of each key (1-based) and its own."""

    line: int
    key_lines: dict[str, int]


class _List(list):
    line: int
    item_lines: list[int]


def _plain(node: yaml.Node) -> Any:
    """A composed YAML node as Python values, mappings and lists with their lines; scalars as text.

    Scalars stay strings (``2025-03-01`` is not turned into a date), booleans and nulls excepted.
    """
    if isinstance(node, yaml.MappingNode):
        mapping = _Map()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = str(_plain(key_node))
            mapping[key] = _plain(value_node)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = _List(_plain(item) for item in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items
    if node.tag.endswith(":bool"):
        return node.value.lower() in ("true", "yes", "on")
    if node.tag.endswith(":null"):
        return None
    return node.value


class _Checker:
    """Reads one entry's fields; every problem raises with the file, the line and the field."""

    def __init__(self, path: str, where: str, entry: _Map):
        self.path, self.where, self.entry = path, where, entry

    def fail(self, key: str | None, message: str) -> OrgRegistryError:
        line = self.entry.key_lines.get(key, self.entry.line) if key else self.entry.line
        field_part = f" field '{key}'" if key else ""
        return OrgRegistryError(f"{self.path}:{line}: {self.where}{field_part}: {message}")

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.entry.get(key)
        if value is None:
            if required:
                raise self.fail(None, f"missing required field '{key}'")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"expected a non-empty text, got {value!r}")
        return nfc(value)

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, f"expected a list of texts, got {value!r}")
        return tuple(nfc(v) for v in value)

    def names(self, key: str) -> tuple[str, ...]:
        """Names as written: each starts with a capital (a comma inside ``[...]`` splits a name in two)."""
        names = self.texts(key)
        for name in names:
            if not name[:1].isupper() and not name[:1].isdigit():
                raise self.fail(key, f"'{name}' does not start with a capital; a name with a comma inside [...] "
                                     "must be quoted")
        return names

    def choice(self, key: str, allowed: tuple[str, ...], required: bool = False, default: str | None = None,
               ) -> str | None:
        value = self.text(key, required)
        if value is None:
            return default
        if value not in allowed:
            raise self.fail(key, f"'{value}' is not one of: {', '.join(allowed)}")
        return value

    def date(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not DATE.match(value):
            raise self.fail(key, f"'{value}' is not a date YYYY, YYYY-MM or YYYY-MM-DD")
        return value

    def identifier(self) -> str:
        value = self.text("id", required=True)
        if not ID.match(value):
            raise self.fail("id", f"'{value}' must be lower case letters, digits, '.' and '-'")
        return value

    def unknown_keys(self, allowed: tuple[str, ...]) -> None:
        for key in self.entry:
            if key not in allowed:
                raise self.fail(key, f"unknown field; allowed fields: {', '.join(allowed)}")


BODY_FIELDS = ("id", "name", "kind", "parent", "variants", "short", "short_in_context", "acronyms", "valid_from",
               "valid_to", "successor")
TEMPLATE_FIELDS = ("id", "name", "kind", "levels", "forms", "parent", "place", "bare", "valid_to", "successor")


def _entries(path: str, data: _Map, key: str) -> list[tuple[_Checker, str]]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        line = data.key_lines.get(key, data.line)
        raise OrgRegistryError(f"{path}:{line}: '{key}' must be a list of entries")
    checked = []
    for i, (item, line) in enumerate(zip(value, value.item_lines)):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            raise OrgRegistryError(f"{path}:{line}: {where}: expected a mapping of fields, got {item!r}")
        checked.append((_Checker(path, where, item), where))
    return checked


def _body(check: _Checker) -> Body:
    check.unknown_keys(BODY_FIELDS)
    body = Body(
        id=check.identifier(), name=check.text("name", required=True),
        kind=check.choice("kind", KINDS, required=True), parent=check.text("parent"),
        variants=check.names("variants"), short=check.names("short"),
        short_in_context=check.names("short_in_context"), acronyms=check.names("acronyms"),
        valid_from=check.date("valid_from"), valid_to=check.date("valid_to"), successor=check.text("successor"),
        line=check.entry.line,
    )
    check.where = f"{check.where} ({body.id})"
    if body.successor and not body.valid_to:
        raise check.fail("successor", "a successor needs valid_to (the date the body ended)")
    if body.valid_from and body.valid_to and body.valid_from > body.valid_to:
        raise check.fail("valid_to", f"{body.valid_to} is before valid_from {body.valid_from}")
    return body


def _template(check: _Checker) -> Template:
    check.unknown_keys(TEMPLATE_FIELDS)
    levels = check.texts("levels")
    if not levels:
        raise check.fail("levels" if "levels" in check.entry else None,
                         "needs 'levels': a list of " + ", ".join(LEVELS))
    bad = [level for level in levels if level not in LEVELS]
    if bad:
        raise check.fail("levels", f"'{bad[0]}' is not one of: {', '.join(LEVELS)}")
    parent = check.entry.get("parent") or {}
    if not isinstance(parent, dict) or not all(isinstance(v, str) for v in parent.values()):
        raise check.fail("parent", f"expected a mapping level → id, got {parent!r}")
    wrong = [level for level in parent if level not in levels]
    if wrong:
        raise check.fail("parent", f"level '{wrong[0]}' is not in levels {list(levels)}")
    bare = check.entry.get("bare", False)
    if not isinstance(bare, bool):
        raise check.fail("bare", f"expected true or false, got {bare!r}")
    template = Template(
        id=check.identifier(), name=check.text("name", required=True), kind=check.choice("kind", KINDS, required=True),
        levels=levels, forms=check.names("forms"), parent={k: nfc(v) for k, v in parent.items()},
        place=check.choice("place", PLACE_FORMS, default="unit"), bare=bare, valid_to=check.date("valid_to"),
        successor=check.text("successor"), line=check.entry.line,
    )
    check.where = f"{check.where} ({template.id})"
    if template.successor and not template.valid_to:
        raise check.fail("successor", "a successor needs valid_to (the date the body ended)")
    return template


def _unit_names(check: _Checker) -> list[UnitName]:
    check.unknown_keys(("heads", "names", "parent"))
    parents = check.texts("parent")
    heads = check.entry.get("heads")
    if not isinstance(heads, dict) or not heads:
        raise check.fail("heads" if "heads" in check.entry else None, "needs 'heads': a mapping head word → kind")
    for head, kind in heads.items():
        if kind not in KINDS:
            raise check.fail("heads", f"kind '{kind}' of '{head}' is not one of: {', '.join(KINDS)}")
    names = check.entry.get("names")
    if not isinstance(names, list) or not names:
        raise check.fail("names" if "names" in check.entry else None, "needs 'names': a list of function names")
    units = []
    for i, (item, line) in enumerate(zip(names, names.item_lines)):
        if isinstance(item, str):
            name, acronyms = item, []
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            name, acronyms = item["name"], item.get("acronyms") or []
        else:
            raise OrgRegistryError(f"{check.path}:{line}: {check.where}.names[{i}]: expected a name or "
                                   f"{{name: ..., acronyms: [...]}}, got {item!r}")
        if not isinstance(acronyms, list) or not all(isinstance(a, str) for a in acronyms):
            raise OrgRegistryError(f"{check.path}:{line}: {check.where}.names[{i}] field 'acronyms': "
                                   f"expected a list of texts, got {acronyms!r}")
        for head, kind in heads.items():
            units.extend(UnitName(f"{nfc(head)} {nfc(written)}", kind, parents) for written in (name, *acronyms))
    return units


def _check_references(path: str, bodies: list[Body], templates: list[Template], units: list[UnitName],
                      unit_lines: dict[str, int]) -> None:
    ids: dict[str, int] = {}
    for entry in (*bodies, *templates):
        if entry.id in ids:
            raise OrgRegistryError(f"{path}:{entry.line}: id '{entry.id}' is already used on line {ids[entry.id]}")
        ids[entry.id] = entry.line
    body_ids = {body.id for body in bodies}
    template_ids = {template.id for template in templates}
    for body in bodies:
        for key, target in (("parent", body.parent), ("successor", body.successor)):
            if target is not None and target not in body_ids:
                raise OrgRegistryError(f"{path}:{body.line}: body '{body.id}' field '{key}': no body has id '{target}'")
    for template in templates:
        for level, target in template.parent.items():
            if target not in body_ids and target not in template_ids:
                raise OrgRegistryError(f"{path}:{template.line}: template '{template.id}' field 'parent' ({level}): "
                                       f"no body or template has id '{target}'")
        if template.successor is not None and template.successor not in template_ids:
            raise OrgRegistryError(f"{path}:{template.line}: template '{template.id}' field 'successor': "
                                   f"no template has id '{template.successor}'")
    for unit in units:
        for parent in unit.parents:
            if parent not in template_ids:
                raise OrgRegistryError(f"{path}:{unit_lines[unit.name]}: unit name '{unit.name}' field 'parent': "
                                       f"no template has id '{parent}'")


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int, size: int) -> OrgRegistry:
    # keyed by modification time and size, so an edited registry is read again
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OrgRegistryError(f"{path}: cannot read the organization registry: {exc}") from None
    try:
        node = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise OrgRegistryError(f"{path}: not valid YAML: {exc}") from None
    data = _plain(node) if node is not None else None
    if not isinstance(data, dict):
        raise OrgRegistryError(f"{path}:1: expected a mapping with keys bodies, templates, unit_names")
    for key in data:
        if key not in ("bodies", "templates", "unit_names"):
            raise OrgRegistryError(f"{path}:{data.key_lines[key]}: unknown section '{key}'; "
                                   "allowed: bodies, templates, unit_names")
    bodies = [_body(check) for check, _ in _entries(path, data, "bodies")]
    templates = [_template(check) for check, _ in _entries(path, data, "templates")]
    units, unit_lines = [], {}
    for check, _ in _entries(path, data, "unit_names"):
        for unit in _unit_names(check):
            units.append(unit)
            unit_lines[unit.name] = check.entry.key_lines.get("parent", check.entry.line)
    _check_references(path, bodies, templates, units, unit_lines)
    return OrgRegistry(bodies, templates, units)


# --- choosing the body a form stands for -------------------------------------------------------

def valid_on(body: Body, date: str | None) -> bool:
    """Whether ``body`` existed on ``date`` (ISO; a partial registry date covers its whole year or month)."""
    if date is None:
        return True
    return (body.valid_from is None or body.valid_from[:len(date)] <= date[:len(body.valid_from)]) and (
        body.valid_to is None or date[:len(body.valid_to)] < body.valid_to)


def with_ancestors(registry: OrgRegistry, ids: set[str]) -> set[str]:
    """``ids`` and every body above them (a document naming Vùng 2 Hải quân names the Navy and the Ministry)."""
    found = set()
    for entry in ids:
        while entry is not None and entry not in found and entry in registry.bodies:
            found.add(entry)
            entry = registry.bodies[entry].parent
    return found


def choose_body(registry: OrgRegistry, forms: list[Form], written_parent: str | None = None,
                date: str | None = None, mentioned: set[str] | frozenset[str] = frozenset()) -> Body | None:
    """The one body ``forms`` (the registry forms of one written name) stand for, or None.

    In order: a parent written after the name decides (``Cục Phòng, chống ma
    túy và tội phạm BĐBP``); then the bodies that existed on the document's
    ``date``; then the bodies whose parent the document names (``mentioned``:
    body ids with their ancestors); a short form that needs its context
    (``short_in_context``) stands for nothing without it; then a current body
    wins over a former one. A tie left after that is no body: no guess.
    """
    candidates = [(registry.bodies[f.entry], f.role) for f in forms if f.entry in registry.bodies]
    if written_parent is not None:
        candidates = [(body, role) for body, role in candidates if body.parent == written_parent] or candidates
    candidates = [(body, role) for body, role in candidates if valid_on(body, date)] or candidates
    in_context = [(body, role) for body, role in candidates
                  if body.id in mentioned or (body.parent is not None and body.parent in mentioned)
                  or (written_parent is not None and body.parent == written_parent)]
    candidates = in_context or [(body, role) for body, role in candidates if role != IN_CONTEXT]
    candidates = [(body, role) for body, role in candidates if not body.former] or candidates
    bodies = {body.id: body for body, _ in candidates}
    return next(iter(bodies.values())) if len(bodies) == 1 else None
