# One entry point. `make run` and `make test` install what is missing, build and go.
SHELL := /bin/bash
.DEFAULT_GOAL := build

DEB_PACKAGES := g++ make cmake ninja-build pkg-config \
  nlohmann-json3-dev libsqlite3-dev libcli11-dev libfmt-dev \
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 \
  libboost-dev libsodium-dev libssl-dev libpqxx-dev libspdlog-dev libhowardhinnant-date-dev openssl \
  postgresql wrk chromium curl python3
FUZZ_PACKAGES := clang libclang-rt-14-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
JOBS ?= $(shell nproc)

.PHONY: deps install-packages web build run test test-release test-debug test-web fuzz bench clean

# Installs the named Debian 12 packages that are missing; silent when all are there.
deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEB_PACKAGES)"
	@command -v npm >/dev/null || $(MAKE) --no-print-directory install-packages PACKAGES="nodejs npm"

install-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# The browser app (web/dist), embedded into the binary: npm ci when the lock file changed, then
# vite build when a source changed; silent when nothing did.
WEB_SOURCES := $(shell find web/src web/public web/index.html web/vite.config.ts web/tsconfig.json \
  web/package.json -type f 2>/dev/null)
web: web/dist/index.html

web/node_modules/.installed: web/package-lock.json web/package.json | deps
	@cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null
	@touch $@

web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	@cd web && out=$$(npm run --silent build 2>&1) || { echo "$$out"; exit 1; }

build: deps web
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# The server with the web app on its embedded default: SQLite in the XDG data folder, 127.0.0.1:8080.
# The terminal flow is `build/release/bounceback today`.
run: build
	@./build/release/bounceback serve

test-release: build
	@ctest --preset release -j $(JOBS)

test-debug: deps web
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)
	@ctest --preset debug -j $(JOBS)

# The web app's unit and component tests, then its end-to-end tests in Chromium against the
# release binary.
test-web: build
	@cd web && npm run --silent test && npm run --silent e2e

# Every test: the release build, then the AddressSanitizer + UBSan build, then the web app.
test: test-release test-debug test-web

# Short coverage-guided runs of every libFuzzer target (clang); saved cases also run in `make test`.
FUZZ_SECONDS ?= 60
fuzz: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(FUZZ_PACKAGES)"
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@for t in build/fuzz/fuzz/fuzz_*; do \
	  name=$$(basename $$t); mkdir -p build/fuzz/corpus/$$name; \
	  $$t -max_total_time=$(FUZZ_SECONDS) build/fuzz/corpus/$$name fuzz/corpus/$$name || exit 1; \
	done

bench: build
	@for b in build/release/bench/bench_*; do $$b; done

clean:
	rm -rf build

# Installs the binary, the systemd unit and the docs under PREFIX (default /usr/local).
PREFIX ?= /usr/local
.PHONY: install package
install: build
	@$(SUDO) cmake --install build/release --prefix $(PREFIX)

# The Debian package (build/release/bounceback_*.deb) with the systemd unit and its own user.
package: build
	@cd build/release && cpack -G DEB
