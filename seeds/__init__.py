"""Bundled seed articles: the default input of `timeline build`."""
