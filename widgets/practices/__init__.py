"""What the pause and the exercises share: steps, anchors, 5-4-3-2-1, text forms."""
