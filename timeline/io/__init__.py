"""Readers (read.py) of every input format; writers are in timeline/write.py."""
