"""underthesea's CRF word tagger (``B-W`` starts a word, ``I-W`` continues one), decoded in Python: the same tags.

underthesea_core's ``CRFTagger.tag`` takes the 43 feature strings of each
token (:mod:`pipeline.crf_features`), copies them into Rust, looks each up
and runs Viterbi. :class:`CRFWordTagger` reads the same model file (the
CRFsuite format: a header, the labels and the attributes as CQDB string
tables, the weights as 20-byte records) and scores a sentence without
making the strings: the weights of the templates that read the same windows
are looked up once per window, by the text or yes/no value it reads. The
730 sentences the benchmark's 300 documents segment are tagged in 0.20 s;
underthesea_core's tagger takes 0.31 s on CRFFeatures' strings and 0.54 s
with its own featurizer.

The tags are underthesea_core's. Its tagger scores each token and label by
the sum of the weights of the token's attributes the model knows, and takes
the best path under those scores plus the label transitions (Viterbi). With
two labels only the difference of a token's two scores matters, so here a
token scores its attributes' ``B-W`` minus ``I-W`` weights. A forward and a
backward pass give, at each token, the best path with ``B-W`` there and the
best with ``I-W``. When at every token one of them wins by more than
``margin`` (1e-6), the best path is the one of the winners, and Viterbi,
whose rounding moves a path's score by far less than the margin, finds that
path too; a sentence where some token's two paths are closer is given to
underthesea_core (:meth:`CRFWordTagger.tags` returns None). Tests compare
the tags with underthesea_core's on every sentence of the project's texts
and on generated tokens.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy

from .crf_features import TEXT_FUNCTIONS, CRFFeatures, Template

BEGIN, INSIDE = "B-W", "I-W"
HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, counts, offsets (CRFsuite's crf1dm)
CQDB_HEADER = struct.Struct("<4sIIIII")  # chunk, size, flags, byte order, backward array's length and offset
FEATURE = numpy.dtype([("type", "<u4"), ("source", "<u4"), ("target", "<u4"), ("weight", "<f8")])
STATE, TRANSITION = 0, 1
# underthesea_core drops a state weight this small when it loads a model
SMALLEST_WEIGHT = 1e-10


class CRFModelError(ValueError):
    """The CRF model file is not the CRFsuite model of two labels this module reads."""


def _strings(data: bytes, offset: int, count: int) -> list[str]:
    """The strings of a CQDB table by id: each record (id, size, text and NUL) is where the backward array says."""
    chunk, _, _, _, backward_length, backward_offset = CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB" or backward_length < count:
        raise CRFModelError(f"no table of {count} strings at byte {offset}")
    records = numpy.frombuffer(data, "<u4", count, offset + backward_offset).astype(numpy.int64)
    if not records.all():
        raise CRFModelError(f"a string of the table at byte {offset} is missing")
    starts = (records + offset).tolist()
    sizes = numpy.frombuffer(b"".join(data[start + 4:start + 8] for start in starts), "<u4").tolist()
    # the texts joined by the NUL that ends each, decoded at once
    texts = b"\0".join(data[start + 8:start + 7 + size] for start, size in zip(starts, sizes)).decode("utf-8").split("\0")
    if len(texts) != count:
        raise CRFModelError(f"a string of the table at byte {offset} holds a NUL")
    return texts


def read_model(path: Path) -> tuple[list[str], list[float], numpy.ndarray, list[str]]:
    """From a CRFsuite model file: the attributes, each one's ``B-W`` weight minus its ``I-W`` weight, the 2×2
    transition weights (from label, to label), and the labels in the order of their ids."""
    data = Path(path).read_bytes()
    if len(data) < HEADER.size:
        raise CRFModelError(f"{path}: not a CRFsuite model")
    magic, _, kind, _, _, n_labels, n_attributes, features_at, labels_at, attributes_at, _, _ = HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise CRFModelError(f"{path}: not a CRFsuite model")
    labels = _strings(data, labels_at, n_labels)
    if sorted(labels) != [BEGIN, INSIDE]:
        raise CRFModelError(f"{path}: labels {labels}, not {BEGIN} and {INSIDE}")
    attributes = _strings(data, attributes_at, n_attributes)
    chunk, _, count = struct.unpack_from("<4sII", data, features_at)
    if chunk != b"FEAT":
        raise CRFModelError(f"{path}: no weights at byte {features_at}")
    features = numpy.frombuffer(data, FEATURE, count, features_at + 12)
    state = features[features["type"] == STATE]
    # counted rather than numpy.unique'd: unique hashes the keys and imports numpy.ma, a tenth of a second of start-up
    if len(state) and numpy.bincount(state["source"].astype(numpy.int64) * 2 + state["target"]).max() > 1:
        raise CRFModelError(f"{path}: an attribute has two weights for one label")
    state = state[numpy.abs(state["weight"]) > SMALLEST_WEIGHT]
    begin = labels.index(BEGIN)
    differences = numpy.zeros(len(attributes))
    numpy.add.at(differences, state["source"].astype(numpy.int64),
                 numpy.where(state["target"] == begin, state["weight"], -state["weight"]))
    transitions = numpy.zeros((2, 2))
    for source, target, weight in features[features["type"] == TRANSITION][["source", "target", "weight"]].tolist():
        transitions[source, target] = weight
    return attributes, differences.tolist(), transitions, labels


class CRFWordTagger:
    """The ``B-W``/``I-W`` tags of a sentence's tokens by underthesea's CRF model, or None when not certain."""

    def __init__(self, features: CRFFeatures, model: Path, margin: float = 1e-6):
        self.features = features
        self.margin = margin
        attributes, differences, transitions, labels = read_model(model)
        begin, inside = labels.index(BEGIN), labels.index(INSIDE)
        weights: dict[str, dict[str, float]] = {}  # template ("T[0]") → value its window reads → weight
        for attribute, difference in zip(attributes, differences):
            template, _, value = attribute.partition("=")
            weights.setdefault(template, {})[value] = difference
        # The text templates that read the same windows (T[-2] … T[2] read the tokens) share one table: text →
        # where the weights of those templates for that text start in one flat array of every weight (a text the
        # model does not know reads zeros). A look-up per window instead of one per template and token: the tables
        # are large, and most of the time went to reaching into them. The yes/no templates' four weights each
        # (False, True, BOS, EOS) are in that array too, so a sentence's scores are one gather and one sum.
        text_templates: dict[tuple[int, str | None], list[Template]] = {}
        yes_no: list[tuple[tuple[int, str | None], int, list[float]]] = []
        for template in features.templates:
            prefix, first, _, function, _ = template
            if function in TEXT_FUNCTIONS:
                text_templates.setdefault(features.window_key(template), []).append(template)
            else:
                read = weights.get(prefix[:-1], {})
                yes_no.append((features.window_key(template), first - features.lowest,
                               [read.get(value, 0.0) for value in ("False", "True", "BOS", "EOS")]))
        flat: list[float] = []
        # per text window: its table and where its weights start in ``flat`` (its first block: a text it does not know)
        self.text_windows: list[tuple[tuple[int, str | None], dict[str, int], int]] = []
        # per template, the text ones by window first, then the yes/no ones (the order their weights are summed in):
        # the row of the windows it reads, its offset among them, and what its reading adds to reach its weight
        columns: list[tuple[int, int, int]] = []
        for key, templates in text_templates.items():
            base = len(flat)
            where: dict[str, int] = {}
            flat += [0.0] * len(templates)
            for k, (prefix, *_) in enumerate(templates):
                for value, weight in weights.get(prefix[:-1], {}).items():
                    start = where.get(value)
                    if start is None:
                        start = where[value] = len(flat) - base
                        flat += [0.0] * len(templates)
                    flat[base + start + k] = weight
            columns += [(len(self.text_windows), first - features.lowest, base + k)
                        for k, (_, first, *_) in enumerate(templates)]
            self.text_windows.append((key, where, base))
        # the yes/no windows, each read as 0 (False), 1 (True), 2 (BOS) or 3 (EOS)
        self.yes_no_windows = list(dict.fromkeys(key for key, _, _ in yes_no))
        for key, start, four in yes_no:
            columns.append((len(self.text_windows) + self.yes_no_windows.index(key), start, len(flat)))
            flat += four
        self.weights = numpy.array(flat)
        self.column_rows = numpy.array([[row] for row, _, _ in columns])
        self.column_starts = numpy.array([[start] for _, start, _ in columns])
        self.column_offsets = numpy.array([[offset] for _, _, offset in columns])
        # transition weights, from the label of a token to the label of the next: Python floats, the same numbers
        # as numpy's, but the decoding's arithmetic on them is several times faster
        self.begin_begin, self.begin_inside = float(transitions[begin, begin]), float(transitions[begin, inside])
        self.inside_begin, self.inside_inside = float(transitions[inside, begin]), float(transitions[inside, inside])

    def differences(self, tokens: list[str]) -> list[float]:
        """Per token: its ``B-W`` score minus its ``I-W`` score, the weights of what the templates read summed."""
        n = len(tokens)
        if not n:
            return []
        windows = self.features.windows(tokens)
        # every window's reading, one row per window kind (each row is the n tokens and the windows around them)
        readings = numpy.array([[where.get(value, 0) for value in windows[key]] for key, where, _ in self.text_windows]
                               + [windows[key] for key in self.yes_no_windows])
        at = readings[self.column_rows, self.column_starts + numpy.arange(n)] + self.column_offsets
        # summed template by template in the order of ``columns``, always the same: the same floats every time (a
        # label that wins by less than the margin, where the order of a sum could matter, goes to underthesea_core)
        return self.weights[at].sum(axis=0).tolist()

    def tags(self, tokens: list[str]) -> list[str] | None:
        """The tags underthesea_core gives ``tokens``; None when a token's label wins by ``margin`` or less."""
        scores = self.differences(tokens)
        if not scores:
            return []
        begin_begin, begin_inside = self.begin_begin, self.begin_inside
        inside_begin, inside_inside = self.inside_begin, self.inside_inside
        # the best path up to each token that ends with B-W there, with I-W there (I-W scores 0, B-W the difference)
        ahead_begin, ahead_inside = [scores[0]], [0.0]
        for score in scores[1:]:
            begin, inside = ahead_begin[-1], ahead_inside[-1]
            ahead_begin.append(max(begin + begin_begin, inside + inside_begin) + score)
            ahead_inside.append(max(begin + begin_inside, inside + inside_inside))
        # the best rest of the sentence after each token, when the token is B-W, when it is I-W
        after_begin, after_inside = [0.0] * len(scores), [0.0] * len(scores)
        for t in range(len(scores) - 2, -1, -1):
            begin, inside = after_begin[t + 1] + scores[t + 1], after_inside[t + 1]
            after_begin[t] = max(begin_begin + begin, begin_inside + inside)
            after_inside[t] = max(inside_begin + begin, inside_inside + inside)
        tags = []
        for a_begin, r_begin, a_inside, r_inside in zip(ahead_begin, after_begin, ahead_inside, after_inside):
            lead = (a_begin + r_begin) - (a_inside + r_inside)  # best path with B-W here minus best with I-W
            if abs(lead) <= self.margin:
                return None
            tags.append(BEGIN if lead > 0 else INSIDE)
        return tags
