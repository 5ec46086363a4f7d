"""Reusable widgets: bound fields, item lists, findings panel, involvement bars, matrix."""
