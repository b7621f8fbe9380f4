# Two commands for a fresh Debian/Ubuntu machine: `make run` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
SYS    := $(VENV)/.system-packages
APPDEP := $(VENV)/.installed-app
TSTDEP := $(VENV)/.installed-test

.PHONY: run test setup setup-test lint bench clean

run: setup
	$(VENV)/bin/satchel

PYTEST_ARGS ?= -n 2 --durations=15

test: setup-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: setup-test
	$(VENV)/bin/ruff check .

setup: $(SYS) $(APPDEP)
setup-test: $(SYS) $(TSTDEP)

$(SYS): packaging/system-packages.txt packaging/install-system-packages.sh
	bash packaging/install-system-packages.sh
	@mkdir -p $(VENV) && touch $@

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(APPDEP): $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) install -q -c constraints.txt -e .
	@touch $@

$(TSTDEP): $(VENV)/bin/python pyproject.toml constraints.txt
	$(PIP) install -q -c constraints.txt -e '.[test]'
	@touch $@ $(APPDEP)

clean:
	rm -rf $(VENV) artifacts .pytest_cache
