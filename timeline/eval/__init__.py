"""Evaluation: chronologies against gold chronologies (chronology.py); TIMEX3 scoring is in timeline/evaluate.py."""
