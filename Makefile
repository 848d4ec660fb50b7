# The two commands of the README: `make run` and `make test`. Both install what they need.
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test browser translations clean

$(STAMP): pyproject.toml
	@PY=$$(sh scripts/python312.sh) && [ -x $(BIN)/python ] || $$PY -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m pwa.bahasa.katalog compile

run: $(STAMP) translations
	$(BIN)/mentari init-db --demo
	$(BIN)/mentari isyarat contoh
	$(BIN)/mentari speech install-model
	$(BIN)/mentari speech prerender
	$(BIN)/gunicorn --config python:pwa.gunicorn_conf --bind 127.0.0.1:$(PORT) 'pwa:create_app()'

browser:
	sh scripts/install-browser.sh

# Two workers (CI has 2 cores); a file stays on one worker: the browser files keep one browser and
# their page-state results per module, and each worker has its own app, data and voice files.
TEST_WORKERS ?= 2

test: $(STAMP) translations browser
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

clean:
	rm -rf $(VENV) instance .pytest_cache
