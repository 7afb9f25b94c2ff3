# Two commands on a fresh machine (see README.md):
#   make site   set up, check and build the public site (site/) and the offline zip (dist/)
#   make test   set up (incl. Debian's Chromium and Firefox ESR) and run every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: site internal check serve test benchmark clean

site: $(VENV)/.ready
	$(PY) build_site.py

internal: $(VENV)/.ready
	$(PY) build_site.py --edition internal

check: $(VENV)/.ready
	$(PY) build_site.py --check

serve: $(VENV)/.ready
	$(PY) build_site.py serve

test: $(VENV)/.ready-test
	bash scripts/install_browsers.sh
	$(PY) -m pytest

benchmark: $(VENV)/.ready-test
	bash scripts/install_browsers.sh
	$(PY) scripts/benchmark.py --count 5000

$(VENV)/.ready: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.ready-test: pyproject.toml $(VENV)/.ready
	$(PY) -m pip install --quiet -e ".[test,properdocs,zensical]"
	touch $@

clean:
	rm -rf site site-intern dist .preview build *.egg-info
