"""Indonesian language data: the TIMEX3 word lists and rules (data files only)."""
