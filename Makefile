# Two commands for a fresh Debian/Ubuntu machine: `make run` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
SYS    := $(VENV)/.system-packages
APPDEP := $(VENV)/.installed-app
TSTDEP := $(VENV)/.installed-test
# Chinese OCR model: tessdata 4.0.0 chi_sim (npm @tesseract.js-data/chi_sim) reads cards better
# than Debian's (bench/cards/RESULTS.md); eng/osd are linked from the system's tessdata.
CHI_SIM_VERSION := 1.0.0
CHI_SIM_SHA256  := 850d4a217c87808ef765385cbe5825f4ae99047a49b17e024069ceb663f01c33
CHI_SIM_URL     := https://registry.npmjs.org/@tesseract.js-data/chi_sim/-/chi_sim-$(CHI_SIM_VERSION).tgz
TESSDATA        := $(VENV)/share/satchel-tessdata
MODELS          := $(TESSDATA)/.chi_sim-$(CHI_SIM_VERSION)

.PHONY: run test setup setup-test lint bench clean

run: setup
	$(VENV)/bin/satchel

PYTEST_ARGS ?= -n 2 --durations=15

test: setup-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: setup-test
	$(VENV)/bin/ruff check .

setup: $(SYS) $(APPDEP) $(MODELS)
setup-test: $(SYS) $(TSTDEP) $(MODELS)

# Offline: a warning, and OCR uses the system's models (tried again on the next make).
$(MODELS): | $(SYS)
	@mkdir -p $(TESSDATA) && rm -f $(TESSDATA)/chi_sim.traineddata $(TESSDATA)/.chi_sim-*
	@if python3 -c 'import sys, shutil, urllib.request as u; \
	    shutil.copyfileobj(u.urlopen(sys.argv[1], timeout=60), open(sys.argv[2], "wb"))' \
	    $(CHI_SIM_URL) $(TESSDATA)/chi_sim.tgz && \
	    echo "$(CHI_SIM_SHA256)  $(TESSDATA)/chi_sim.tgz" | sha256sum -c --quiet; then \
	  tar -xzOf $(TESSDATA)/chi_sim.tgz package/4.0.0/chi_sim.traineddata.gz | gunzip \
	    > $(TESSDATA)/chi_sim.tmp && mv $(TESSDATA)/chi_sim.tmp $(TESSDATA)/chi_sim.traineddata; \
	  for d in /usr/share/tesseract-ocr/5/tessdata /usr/share/tesseract-ocr/4.00/tessdata \
	      /usr/share/tessdata; do for l in eng osd; do [ -e $(TESSDATA)/$$l.traineddata ] || \
	      [ ! -e $$d/$$l.traineddata ] || ln -sf $$d/$$l.traineddata $(TESSDATA)/; done; done; \
	  rm -f $(TESSDATA)/chi_sim.tgz && touch $@; \
	else rm -f $(TESSDATA)/chi_sim.tgz; \
	  echo "warning: could not fetch $(CHI_SIM_URL); OCR uses the system's chi_sim"; fi

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
