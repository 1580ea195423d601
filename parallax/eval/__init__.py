"""Evaluation commands: parallax scored against public data sets, next to baselines run in the same command.

Every command reads any file or folder in its data set's format and returns a table
``{"rows": [{"system": str, <metric>: float, ...}]}``.
"""
