# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test test-deps install bench bench-rouge clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Byte code, as installing a wheel leaves it: an editable install writes none when
# PYTHONDONTWRITEBYTECODE is set, and every run would compile the package again (0.1 s).
BYTECODE = $(BIN)/python -m compileall -q briefing

install: $(STAMP)

run: $(STAMP)
	$(BYTECODE)
	$(BIN)/briefing build seeds -o output

test: $(STAMP) test-deps
	$(BIN)/python -m pytest -q

# What the tests use from Debian, installed only when missing and apt-get can (CI runs as root):
# Chromium for the browser tests, poppler-utils for pdftotext, DejaVu fonts for the PDF.
# When it cannot be installed, the tests that need it are skipped and say why.
test-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing="$$missing fonts-dejavu-core"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf ] || missing="$$missing fonts-dejavu-extra"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing for the tests:$$missing"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } \
	      || echo "warning: could not install$$missing; the tests that need it are skipped"; \
	  else \
	    echo "warning:$$missing missing and not installable here (needs root and apt-get); the tests that need it are skipped"; \
	  fi; \
	fi

# Speed figures into BENCHMARKS.md (about 15 minutes on 2 cores); needs ../shared/corpora.
bench: $(STAMP)
	$(BYTECODE)
	$(BIN)/python bench/speed.py

# Summary quality (ROUGE on DUC 2004 and MultiLing 2011) into BENCHMARKS.md (about 25 minutes).
bench-rouge: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.rouge --write

clean:
	rm -rf $(VENV) output/briefing.* output/.briefing
