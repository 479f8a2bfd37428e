"""``python -m bench``: see ``measure.py``."""

from .measure import main

main()
