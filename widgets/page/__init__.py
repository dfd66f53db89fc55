"""One page's chrome: header, footer, the safety shell, facilitator notes, the page state."""
