"""Widget builders that take their words as arguments; they never load content."""
