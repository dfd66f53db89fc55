"""The participant's journal: answers kept in their own browser, never on the server.

It knows no exercise and no page chrome: an exercise's model joins it through
``JournalStore.follow`` (the notebook face does that for every exercise it builds), and
the page (``widgets.page.state``) holds the one link of a page.
"""
