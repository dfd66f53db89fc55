# Owning It Gently: the commands a facilitator or developer needs.
#   make app       serve the workbook as a web app on http://127.0.0.1:8866
#   make test      run every test (creates .venv and installs what the tests need)
#   make studio    prepare a workshop in the browser (forms, preview, join screen);
#                  only this computer can open it
#   make lab       open the notebooks in JupyterLab
#   make validate  check every file in data/ and list any problems
#   make check     everything to check before a workshop, ending with one line: ready or not
#   make bench     measure how long visitors wait (not part of make test)
#   make soak      30 visitors through the lessons for 10 minutes: errors, answers kept,
#                  memory and kernels (not part of make test; SOAK_ARGS="--visitors 5 ...")

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8866
# For a workshop network: HOST=0.0.0.0 (every address of this computer) and a TOKEN that
# each visitor's first address must carry; see docs/app.md.
HOST ?= 127.0.0.1
TOKEN ?=
# HTTPS for a workshop network: CERT=cert.pem KEY=key.pem (see docs/app.md).
CERT ?=
KEY ?=
STUDIO_PORT ?= 8867
# Our Voila template lives in the repo; this makes Voila find it without installing it.
export JUPYTER_PATH := $(CURDIR)/share/jupyter

# One test process per core, at most four (each runs its own Voila server and Chromium),
# a test file's tests in the same process. PYTEST_WORKERS= runs them one after another.
PYTEST_WORKERS ?= -n auto --maxprocesses=4 --dist loadfile

.PHONY: app studio test lab validate check bench soak hub test-hub install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The checks end with their own plain words. A failed check would make `make` add
# "make: *** [...] Error 1", which reads like a crash, so these targets finish without it;
# with CI set (as CI services do) they exit 1 as well, for a pipeline to stop on.
NOT_READY := $(if $(CI),exit 1,true)

app: install
	@if ! $(BIN)/workbook validate --quiet; then \
	  echo ""; echo "  The workbook did not start: fix the problems above, then run make app again."; \
	  $(NOT_READY); \
	else \
	  $(BIN)/workbook template-text --quiet && \
	  echo "" && \
	  echo "  Owning It Gently is running. Open this address in your web browser:" && \
	  echo "      $(if $(CERT),https,http)://$(HOST):$(PORT)/$(if $(TOKEN),?token=$(TOKEN),)" && \
	  echo "  Press Ctrl+C here to stop it." && \
	  echo "" && \
	  $(if $(CERT),$(BIN)/python -m widgets.server.tls --certfile=$(CERT) --keyfile=$(KEY),$(BIN)/voila) notebooks/ --no-browser --port=$(PORT) --Voila.ip=$(HOST) $(if $(TOKEN),--token=$(TOKEN),); \
	fi

# The facilitator's studio: its own server on 127.0.0.1 only (never HOST), port STUDIO_PORT.
studio: install
	@$(BIN)/workbook studio --port=$(STUDIO_PORT)

test: install-test
	$(BIN)/ruff check widgets tests bench
	$(BIN)/ruff format --check widgets tests bench
	$(BIN)/mypy
	npm ci --prefix tests/browser --no-audit --no-fund --silent
	$(BIN)/python -m pytest $(PYTEST_WORKERS)

lab: install
	$(BIN)/jupyter lab notebooks/00_welcome.ipynb

validate: install
	@$(BIN)/workbook validate || $(NOT_READY)

check: install
	@$(BIN)/workbook check || $(NOT_READY)

# Print-ready worksheets and the facilitator guide (HTML and PDF) into handouts/.
.PHONY: handouts
handouts: install
	$(BIN)/workbook handouts handouts

test-hub: install-test
	$(BIN)/python -m pip install --quiet 'jupyterhub>=5.0' 'jupyterhub-idle-culler>=1.2'
	npm ci --prefix deploy/jupyterhub --no-audit --no-fund --silent
	OIG_HUB_TEST=1 $(BIN)/python -m pytest tests/hub -p no:cacheprovider

hub: install
	$(BIN)/python -m pip install --quiet 'jupyterhub>=5.0' 'jupyterhub-idle-culler>=1.2'
	npm ci --prefix deploy/jupyterhub --no-audit --no-fund --silent
	cd deploy/jupyterhub && ../../$(BIN)/jupyterhub -f jupyterhub_config.py

bench: install-test
	$(BIN)/python -m bench.timing

SOAK_ARGS ?= --visitors 30 --minutes 10
soak: install-test
	$(BIN)/python -m bench.soak $(SOAK_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache tests/artifacts
