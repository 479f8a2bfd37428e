"""Extract stage: one spaCy component per entity type, then the mention selector.

Components are registered by name (``vnx_dates`` …) and added in an order where
each finds what it uses: places use ranks (a rank after a unit word opens no
place name), organizations use acronyms and places, people use ranks, positions
and organizations. An extractor switched off in the config is
simply absent; the ones after it use what is there.
"""

from __future__ import annotations

from spacy.language import Language

from ..config import Config
from . import acronyms, date_component, mentions, orgs, people, places, positions, ranks  # noqa: F401 (registers factories)

# config key → (factory, lexicon config of the factory)
COMPONENTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("dates", "vnx_dates", {}),
    ("acronyms", "vnx_acronyms", {"lexicon": "acronyms"}),
    ("ranks", "vnx_ranks", {"lexicon": "ranks"}),
    ("places", "vnx_places", {"lexicon": "places", "people": "people"}),
    ("positions", "vnx_positions", {"lexicon": "positions"}),
    ("orgs", "vnx_orgs", {"lexicon": "organizations", "acronyms": "acronyms", "people": "people",
                          "registry": "org_registry"}),
    ("people", "vnx_people", {"lexicon": "people"}),
)


def add_extractors(nlp: Language, config: Config) -> None:
    """Add the enabled extractors of ``config`` and the mention selector to ``nlp``."""
    settings = config.stage("extract")
    for key, factory, lexicons in COMPONENTS:
        if not settings[key]["enabled"]:
            continue
        component_config = {arg: str(config.lexicon_path(lexicon)) for arg, lexicon in lexicons.items()}
        if key == "acronyms":
            component_config["learn_definitions"] = settings["acronyms"]["learn_definitions"]
        nlp.add_pipe(factory, name=key, config=component_config)
    nlp.add_pipe("vnx_mentions", name="mentions")
