"""Lang packages: one folder of data files per language (`id` = Indonesian)."""
