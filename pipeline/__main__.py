"""``python -m pipeline`` runs the vnextract command."""

from .cli import entry

entry()
