"""The project's benchmark (``make bench``): throughput and memory of ``vnextract run`` against underthesea alone.

``python -m bench --n 2000`` builds a deterministic corpus from the project's
own sample documents (``corpus.py``), measures underthesea ``word_tokenize``
alone, ``vnextract run`` in one process and with two workers, and one process
again on a corpus five times larger, then prints a table and writes the
figures as JSON under ``data/out/bench/`` (``measure.py``).
"""
