"""The features of underthesea's CRF word segmentation, built in Python: the same strings, in less time.

underthesea_core's ``CRFFeaturizer`` writes 43 strings per token (``T[-1]=Bộ``,
``T[0,1].lower=bộ đội``, ``T[1].istitle=True`` …), each built in Rust and
copied into a new Python string. :class:`CRFFeatures` writes the same
strings in the same order: the text of each window of tokens is joined and
transformed once per sentence instead of once per template that reads it,
and a yes/no feature is one of four strings made when the model is loaded.
On the 730 sentences the benchmark's 300 documents segment, featurizing and
tagging with underthesea_core's tagger take 0.32 s instead of 0.57 s; tests
compare both featurizers on every sentence of data/raw, the gold sets and
generated tokens. :meth:`CRFFeatures.reads` gives what each template reads
without making the strings, for :mod:`pipeline.crf_tagger`, which looks the
weights up by it; the strings are what underthesea_core's tagger reads when
that tagger is asked instead.

The template syntax and the four functions are underthesea_core's:
``T[i]`` is the token ``i`` places away, ``T[i,j]`` the tokens from ``i``
to ``j`` joined by a space, ``BOS``/``EOS`` where the window leaves the
sentence; ``lower``, ``isdigit`` (the text parses as a 32-bit integer),
``istitle`` (no space-separated part starts with a letter that has an upper
case) and ``is_in_dict`` (the lower-cased text is in the model's dictionary).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?")
# what Rust's str::parse::<i32> accepts: a sign, ASCII digits, within 32 bits
I32 = re.compile(r"[+-]?[0-9]+")
I32_MIN, I32_MAX = -(2 ** 31), 2 ** 31 - 1


def parses_as_i32(text: str) -> bool:
    """underthesea_core's ``isdigit``: ``42``, ``+7``, ``-0012``; not ``1.000``, ``²``, ``9999999999``."""
    # most tokens are words: one comparison of their last character turns them away before the regex
    return "0" <= text[-1:] <= "9" and I32.fullmatch(text) is not None and I32_MIN <= int(text) <= I32_MAX


def is_title(text: str) -> bool:
    """underthesea_core's ``istitle``: every part between spaces starts with a character that is its own upper case
    (``Bộ Đội``, ``2025``, ``-``; not ``Bộ đội``)."""
    if " " not in text:  # a token: one part, without building the list of parts
        return text[0] == text[0].upper()
    return all(part[0] == part[0].upper() for part in text.split(" "))


FUNCTIONS = (None, "lower", "isdigit", "istitle", "is_in_dict")
# the functions whose value is a text (the others say yes or no)
TEXT_FUNCTIONS = (None, "lower")
# values(length, function): the function's value of each window of ``length`` tokens of the sentence
WindowValues = Callable[[int, "str | None"], list]
# "T[0,1].lower=", first and last offset, function, and a yes/no feature's strings by index: False, True, BOS, EOS
Template = tuple[str, int, int, "str | None", tuple[str, str, str, str]]


class CRFFeatures:
    """``CRFFeaturizer(templates, dictionary).process([[[t] for t in tokens]])[0]``, computed in Python."""

    def __init__(self, templates: list[str], dictionary: set[str]):
        self.dictionary = dictionary
        self.templates: list[Template] = []
        for template in templates:
            match = TEMPLATE.fullmatch(template)
            if match is None or match[3] not in FUNCTIONS:
                raise ValueError(f"CRF feature template {template!r}: not one underthesea_core's featurizer reads")
            first = int(match[1])
            last = int(match[2]) if match[2] is not None else first
            if last < first:
                raise ValueError(f"CRF feature template {template!r}: its window ends before it starts")
            prefix = template + "="
            choices = (prefix + "False", prefix + "True", prefix + "BOS", prefix + "EOS")
            self.templates.append((prefix, first, last, match[3], choices))
        # the lowest and the highest offset a template's window starts at, 0 included
        self.lowest = min([0] + [first for _, first, *_ in self.templates])
        self.highest = max([0] + [first for _, first, *_ in self.templates])

    def _window_values(self, values: WindowValues, tokens: list[str], length: int, function: str | None) -> list:
        """The function's value of every window of ``length`` tokens, by the window's first token; a value is
        derived from the windows' texts, lower-cased texts or the tokens' own values, each computed once."""
        if function is None:
            # the windows of ``length`` tokens as tuples from zip over shifted lists, not a new list sliced per window
            return tokens if length == 1 else [" ".join(window) for window in zip(*(tokens[i:] for i in range(length)))]
        if function == "lower":
            return [text.lower() for text in values(length, None)]
        if function == "is_in_dict":
            return [text in self.dictionary for text in values(length, "lower")]
        if function == "isdigit":
            return [parses_as_i32(text) for text in values(length, None)]
        if length == 1:  # istitle
            return [is_title(token) for token in tokens]
        # a window is title when each of its tokens is: the parts between spaces are the tokens' parts, in order
        titles = values(1, "istitle")
        return [all(window) for window in zip(*(titles[i:] for i in range(length)))]

    @staticmethod
    def window_key(template: Template) -> tuple[int, str | None]:
        """The windows a template reads: their length and function."""
        _, first, last, function, _ = template
        return last - first + 1, function

    def windows(self, tokens: list[str]) -> dict[tuple[int, str | None], list]:
        """Per window length and function the templates use: the value at every window start a template reads,
        from the lowest offset to ``len(tokens) - 1`` + the highest. A start before the sentence reads BOS, a window
        that ends after it EOS: those words in a text, 2 and 3 (after False and True) in a yes/no value."""
        n = len(tokens)
        computed: dict[tuple[int, str | None], list] = {}

        def values(length: int, function: str | None) -> list:
            key = (length, function)
            found = computed.get(key)
            if found is None:
                found = computed[key] = self._window_values(values, tokens, length, function)
            return found

        padded = {}
        for key in dict.fromkeys(map(self.window_key, self.templates)):
            inside = values(*key)
            start_marker, end_marker = ("BOS", "EOS") if key[1] in TEXT_FUNCTIONS else (2, 3)
            padded[key] = [start_marker] * -self.lowest + inside + [end_marker] * (n + self.highest - len(inside))
        return padded

    def reads(self, tokens: list[str]) -> Iterator[tuple[Template, list]]:
        """Each template with what its window reads at each token of a sentence: the window's text or lower-cased
        text (``BOS``/``EOS`` where it leaves the sentence), or an index into the template's yes/no strings."""
        windows = self.windows(tokens)
        for template in self.templates:
            start = template[1] - self.lowest
            yield template, windows[self.window_key(template)][start:start + len(tokens)]

    def __call__(self, tokens: list[str]) -> list[list[str]]:
        """The feature strings of each token of a sentence, in the order of the templates."""
        columns = []
        for (prefix, _, _, function, choices), read in self.reads(tokens):
            if function in TEXT_FUNCTIONS:
                columns.append([prefix + value for value in read])
            else:
                columns.append([choices[value] for value in read])
        return list(map(list, zip(*columns)))
