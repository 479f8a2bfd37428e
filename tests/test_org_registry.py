"""The registry of official bodies: loading (every error names file, line and field), keys, choosing a body."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import load_config
from pipeline.org_registry import (
    KINDS, OrgRegistry, OrgRegistryError, choose_body, form_key, valid_on, with_ancestors,
)

REGISTRY = load_config().lexicon_path("org_registry")

GOOD = """\
bodies:
  - id: bo-x
    name: Bộ X
    kind: ministry
    short: [Bộ XX]
  - id: cuc-y
    name: "Cục Y, Z Bộ X"
    kind: department
    parent: bo-x
    short_in_context: ["Cục Y, Z"]
  - id: bo-old
    name: Bộ Cũ
    kind: ministry
    valid_to: 2025-03-01
    successor: bo-x
templates:
  - id: ca
    name: Công an
    kind: police
    levels: [province, commune]
    parent: {province: bo-x, commune: ca}
unit_names:
  - heads: {Phòng: police_division}
    names:
      - {name: Cảnh sát hình sự, acronyms: [CSHS]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "organizations.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_registry_loads(tmp_path: Path) -> None:
    registry = OrgRegistry.load(write(tmp_path, GOOD))
    assert set(registry.bodies) == {"bo-x", "cuc-y", "bo-old"}
    assert [f.role for f in registry.lookup("Cục Y Z")] == ["in_context"]
    assert [f.entry for f in registry.lookup("PHÒNG CSHS")] == ["Phòng CSHS"]
    assert registry.bodies["bo-old"].former and not registry.bodies["bo-x"].former
    assert registry.attrs_of_body(registry.bodies["bo-old"]) == {
        "registry_id": "bo-old", "kind": "ministry", "successor": "Bộ X"}


# each bad registry: the fragment the message must hold and the line it must name
BAD = [
    ("bodies: [unclosed\n", "not valid YAML", None),
    ("- a list\n", "expected a mapping with keys bodies", 1),
    ("bodies: []\nplaces: []\n", "unknown section 'places'", 2),
    ("bodies: {id: a}\n", "'bodies' must be a list", 1),
    ("bodies:\n  - just a name\n", "bodies[0]: expected a mapping of fields", 2),
    ("bodies:\n  - id: a\n    kind: ministry\n", "missing required field 'name'", 2),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n    colour: red\n", "field 'colour': unknown field", 5),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministery\n", "field 'kind': 'ministery' is not one of", 4),
    ("bodies:\n  - id: A b\n    name: A\n    kind: ministry\n", "field 'id': 'A b' must be lower case", 2),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n    valid_to: 1/3/2025\n",
     "field 'valid_to': '1/3/2025' is not a date", 5),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n    valid_from: 2025-13\n", "is not a date", 5),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n    successor: b\n",
     "field 'successor': a successor needs valid_to", 5),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n    valid_from: 2025\n    valid_to: 2020\n",
     "2020 is before valid_from 2025", 6),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n    short: [Cục Phòng, chống ma túy]\n",
     "'chống ma túy' does not start with a capital; a name with a comma inside [...] must be quoted", 5),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n    short: Bộ A\n", "field 'short': expected a list", 5),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n    parent: b\n", "field 'parent': no body has id 'b'", 2),
    ("bodies:\n  - id: a\n    name: A\n    kind: ministry\n  - id: a\n    name: B\n    kind: ministry\n",
     "id 'a' is already used on line 2", 5),
    ("templates:\n  - id: t\n    name: Công an\n    kind: police\n", "needs 'levels'", 2),
    ("templates:\n  - id: t\n    name: Công an\n    kind: police\n    levels: [county]\n",
     "field 'levels': 'county' is not one of", 5),
    ("templates:\n  - id: t\n    name: Công an\n    kind: police\n    levels: [province]\n    parent: {commune: t}\n",
     "field 'parent': level 'commune' is not in levels", 6),
    ("templates:\n  - id: t\n    name: Công an\n    kind: police\n    levels: [province]\n    parent: {province: x}\n",
     "field 'parent' (province): no body or template has id 'x'", 2),
    ("templates:\n  - id: t\n    name: Công an\n    kind: police\n    levels: [province]\n    bare: maybe\n",
     "field 'bare': expected true or false", 6),
    ("templates:\n  - id: t\n    name: Sở A\n    kind: department\n    levels: [province]\n    place: both\n",
     "field 'place': 'both' is not one of: unit, name", 6),
    ("unit_names:\n  - heads: {Phòng: squad}\n    names: [An ninh]\n", "kind 'squad' of 'Phòng' is not one of", 2),
    ("unit_names:\n  - heads: {Phòng: police_division}\n    names:\n      - {acronyms: [X]}\n",
     "unit_names[0].names[0]: expected a name", 4),
    ("unit_names:\n  - heads: {Phòng: police_division}\n    parent: [cong-an]\n    names: [An ninh]\n",
     "unit name 'Phòng An ninh' field 'parent': no template has id 'cong-an'", 3),
]


@pytest.mark.parametrize(("content", "fragment", "line"), BAD)
def test_a_bad_registry_names_file_line_and_field(tmp_path: Path, content: str, fragment: str,
                                                  line: int | None) -> None:
    path = write(tmp_path, content)
    with pytest.raises(OrgRegistryError) as raised:
        OrgRegistry.load(path)
    message = str(raised.value)
    assert message.startswith(str(path.resolve())), message
    assert fragment in message
    if line is not None:
        assert re.match(rf"^{re.escape(str(path.resolve()))}:{line}: ", message), message


def test_a_missing_registry_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OrgRegistryError, match="cannot read the organization registry"):
        OrgRegistry.load(tmp_path / "absent.yaml")


def test_an_edited_registry_is_read_again(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert "bo-y" not in OrgRegistry.load(path).bodies
    path.write_text(GOOD.replace("id: bo-x\n", "id: bo-y\n").replace("parent: bo-x", "parent: bo-y")
                    .replace("successor: bo-x", "successor: bo-y").replace("province: bo-x", "province: bo-y"),
                    encoding="utf-8")
    assert "bo-y" in OrgRegistry.load(path).bodies


# --- the shipped registry ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def registry() -> OrgRegistry:
    return OrgRegistry.load(REGISTRY)


def test_the_registry_holds_the_2025_government(registry: OrgRegistry) -> None:
    ministries = {b.name for b in registry.bodies.values() if b.kind == "ministry" and not b.former}
    # Nghị quyết 176/2025/QH15: 14 ministries and 3 ministry-level agencies
    assert len(ministries) == 17, sorted(ministries)
    assert {"Bộ Nông nghiệp và Môi trường", "Bộ Dân tộc và Tôn giáo", "Bộ Công an"} <= ministries
    merged = {b.name: registry.bodies[b.successor].name for b in registry.bodies.values()
              if b.kind == "ministry" and b.former}
    assert merged["Bộ Kế hoạch và Đầu tư"] == "Bộ Tài chính"
    assert merged["Bộ Giao thông vận tải"] == "Bộ Xây dựng"


@pytest.mark.parametrize("kind", ["party_committee", "committee", "ministry", "department", "general_department",
                                  "service", "arm", "military_region", "corps", "region", "force", "command"])
def test_every_required_kind_of_body_is_there(registry: OrgRegistry, kind: str) -> None:
    assert any(body.kind == kind for body in registry.bodies.values())


def test_every_former_body_has_an_end_and_every_successor_is_current(registry: OrgRegistry) -> None:
    for body in registry.bodies.values():
        if body.successor:
            assert body.former and not registry.bodies[body.successor].former, body
    assert registry.bodies["candvt"].successor == "bdbp"  # the Border Guard's name from 1959 to 1979
    assert all(body.kind in KINDS for body in registry.bodies.values())


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_key_ignores_case_commas_and_spacing(registry: OrgRegistry, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(b.name for b in registry.bodies.values())))
    flips = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    recased = "".join(c.upper() if flip else c.lower() for c, flip in zip(name, flips))
    written = recased.replace(",", data.draw(st.sampled_from(["", " ,", ","]))).replace(" ", data.draw(
        st.sampled_from([" ", "  "])))
    assert form_key(written) == form_key(name)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Bộ Văn hóa, Thể thao và Du lịch", "BỘ VĂN HOÁ THỂ THAO VÀ DU LỊCH", True),
    ("Tổng cục Hậu cần - Kỹ thuật", "Tổng cục Hậu cần – Kỹ thuật", True),
    ("Cục Cảnh sát hình sự", "Cục Cảnh sát kinh tế", False),
    ("Hòa An", "Hóa An", False),
])
def test_form_key(a: str, b: str, same: bool) -> None:
    assert (form_key(a) == form_key(b)) is same


# --- choosing the body a form stands for --------------------------------------------------------

@pytest.mark.parametrize(("date", "valid"), [
    ("2025-02-28", True), ("2025-03-01", False), ("2024-12-31", True), (None, True),
])
def test_valid_on_the_day_before_the_merger(registry: OrgRegistry, date: str | None, valid: bool) -> None:
    assert valid_on(registry.bodies["bo-ke-hoach-dau-tu"], date) is valid


@pytest.mark.parametrize(("text", "parent", "date", "mentioned", "expected"), [
    # a written parent decides between the same short name of two bodies
    ("Cục Phòng, chống ma túy và tội phạm", "bdbp", None, set(), "bdbp.cuc-pcmt"),
    # a short form that needs its context: with it, without it
    ("Ủy ban Thường vụ", None, None, {"quoc-hoi"}, "ubtvqh"),
    ("Ủy ban Thường vụ", None, None, set(), None),
    # the same name at two times: the Ministry of Public Security's until 2018, the Defence's from 2025
    ("Tổng cục Hậu cần - Kỹ thuật", None, "2017-05-01", set(), "bca.tong-cuc-hckt"),
    ("Tổng cục Hậu cần - Kỹ thuật", None, "2025-06-01", set(), "tong-cuc-hckt"),
    ("Tổng cục Hậu cần - Kỹ thuật", None, None, set(), "tong-cuc-hckt"),  # the current one
    # the same short name in two forces: the document's names decide, else none
    ("Tổng cục Chính trị", None, None, {"qdnd"}, "tong-cuc-chinh-tri"),
    ("Tổng cục Chính trị", None, None, {"cand"}, "bca.tong-cuc-chinh-tri"),
    ("Tổng cục Chính trị", None, None, set(), None),
    ("Bộ CA", None, None, set(), "bo-cong-an"),
    ("Bộ Chính trị", None, None, set(), "bo-chinh-tri"),
])
def test_choose_body(registry: OrgRegistry, text: str, parent: str | None, date: str | None, mentioned: set[str],
                     expected: str | None) -> None:
    body = choose_body(registry, registry.lookup(text), parent, date, with_ancestors(registry, mentioned))
    assert (body.id if body else None) == expected


def test_ancestors(registry: OrgRegistry) -> None:
    assert with_ancestors(registry, {"hai-quan.vung-2"}) >= {"hai-quan.vung-2", "hai-quan", "bo-quoc-phong"}
