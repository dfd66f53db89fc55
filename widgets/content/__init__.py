"""data/ to one checked, typed Workbook, and the plain-text replies it gives. No ipywidgets."""
