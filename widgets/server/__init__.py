"""Code that runs inside Jupyter Server / Voila's server process. Never imports ipywidgets."""
