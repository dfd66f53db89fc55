"""One module per exercise type. Each holds a model (state and logic, no widgets, so it
can be tested without a browser) and a view (ipywidgets) built from the model."""
