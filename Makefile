# Backprop Playground. Each target installs what is missing first (scripts/setup.sh).
#   make serve [PORT=9000]   build the release wasm package and serve the page on localhost
#   make test                native tests, wasm build, Node tests of the package, browser tests
#   make build               the release wasm package only, into www/pkg/
#   make dist                the page in one file that works offline: dist/backprop-playground.html
PORT ?= 8000

.PHONY: serve build test dist clean

serve: build
	@node scripts/serve.mjs --port $(PORT)

build:
	@scripts/build.sh

test:
	@scripts/test.sh

dist: build
	@node scripts/dist.mjs

# Build outputs only; node_modules/ and installed tools stay.
clean:
	rm -rf www/pkg dist tests/e2e/screenshots
	cargo clean
