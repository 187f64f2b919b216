# Kế hoạch CCHC — the two commands of the quick start are `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# CI may point CARGO_TARGET_DIR outside the clone to reuse a build.
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
APP := $(CARGO_TARGET_DIR)/debug/ke-hoach-cchc

.PHONY: run test e2e e2e-build bench bench-typing deps ui rust-checks ui-checks goldens fuzz package

## run: install what is missing, build the UI and the app, open the window
run: deps ui
	cargo build -p kehoach-app
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "Không có màn hình (DISPLAY): mở ứng dụng trong Xvfb."; \
	  xvfb-run -a -s "-screen 0 1280x800x24" "$(APP)"; \
	else "$(APP)"; fi

## test: install what is missing and run every test (Rust, UI unit tests, end-to-end)
test: deps ui rust-checks ui-checks e2e

deps:
	@.ci/install-deps

ui: deps
	cd ui && npm run build

# Clippy's lints run inside the test build: clippy-driver compiles the workspace's crates (as
# `cargo clippy` does, and it also generates code), so one build of every crate serves the lints
# (-D warnings), the tests, and the app and command line the end-to-end tests drive. A separate
# `cargo clippy` would type-check the whole dependency tree a second time.
CLIPPY_DRIVER = $(shell rustup which clippy-driver 2>/dev/null || command -v clippy-driver)
TEST_BUILD = RUSTC_WORKSPACE_WRAPPER="$(CLIPPY_DRIVER)" CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"

## rust-checks: format, lints, every crate's tests (the fuzz targets replay their corpus). The
## benchmarks are built and run by `make bench` (in the test build they would add a binary as
## large as the app's).
TEST_TARGETS = --lib --bins --tests --examples
## The test binaries run two at a time (.ci/test-binaries: the same build and binaries as
## `cargo test`, which runs them one after another while many tests wait on LibreOffice, pandoc
## or python-docx).
rust-checks: ui
	cargo fmt --all --check
	$(TEST_BUILD) .ci/test-binaries --workspace $(TEST_TARGETS)

ui-checks: deps
	cd ui && npm run check && npm test
	cd ui && node scripts/lint-workflows.mjs ../.github/workflows/*.yml

## e2e: the real app under Xvfb, driven through tauri-driver + WebKitWebDriver
## The app and the command line are built by the same command as the tests, so that both share
## one build of every crate (a plain `cargo build` resolves other features and builds them again).
e2e-build: ui
	$(TEST_BUILD) cargo test --workspace $(TEST_TARGETS) --no-run --quiet
e2e: deps ui e2e-build
	.ci/e2e "$(APP)"

## package: the Linux installers in target/release/bundle/ (Tauri's bundler, release build).
## The AppImage needs tools the bundler downloads from GitHub: PACKAGE_BUNDLES=deb,appimage
## where GitHub can be reached (the release workflow builds both).
PACKAGE_BUNDLES ?= deb
package: deps ui
	cd ui && TAURI_APP_PATH="$(CURDIR)/src-tauri" npx tauri build --bundles $(PACKAGE_BUNDLES)

## bench: criterion benchmarks and the comparison with python-docx and pandoc
bench: deps ui
	cargo bench -p kehoach
	@if [ -x crates/kehoach/benches/compare.sh ]; then crates/kehoach/benches/compare.sh; fi

## bench-typing: the release app driven as in the end-to-end tests, typing 60 characters into a
## task's edit box on step 4 of a new draft (its whole worklist on the page); prints the frame gaps
## (median, p95) the page measured with requestAnimationFrame. The README quotes its figure.
bench-typing: deps ui
	touch src-tauri/src/lib.rs
	cargo build --release -p kehoach-app --bin ke-hoach-cchc -p kehoach --bin kehoach
	E2E_FILES="e2e/07-year-undo-typing.test.mjs" .ci/e2e target/release/ke-hoach-cchc | grep -E "typed 60|preview showed|^(not )?ok"

## fuzz: run each fuzz target for 10 minutes on its corpus (cargo-fuzz; nightly flags on stable),
## then import 400 plans of every shape drawn from a new seed (crates/import/tests/it/shapes.rs).
## A run over 10 s counts as a hang and fails, as does one over 1 GB of memory (ASan included).
## LibreOffice is hidden (an .rtf or .doc the fuzzer makes is then refused, not converted).
FUZZ_TARGETS := import_docx docx_document docx_styles docx_numbering docx_footnotes docx_rels import_pdf pdf_objects import_text
FUZZ_SECONDS ?= 600
## and then draws this many plans of every shape from a new seed (make test draws 60 from seed 1)
SHAPES_LONG ?= 400
# The release profile's link-time optimisation drops the symbols the sanitizer's coverage
# counters need (rust-lld: undefined symbol __sancov_gen_…): the fuzz build goes without it.
FUZZ_PROFILE = CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_STRIP=false
fuzz: deps
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$t; \
	  KEHOACH_SOFFICE=none RUSTC_BOOTSTRAP=1 $(FUZZ_PROFILE) cargo fuzz run -O --features libfuzzer $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=262144 -timeout=10 -rss_limit_mb=1024 -malloc_limit_mb=600 || exit 1; \
	done
	@first=$${SHAPES_FIRST:-$$(( $$(date +%s) % 1000000 + 1000 ))}; \
	echo "Plans of every shape: $(SHAPES_LONG) drawn from seed $$first (again: make fuzz SHAPES_FIRST=$$first)"; \
	$(TEST_BUILD) KEHOACH_SHAPES=$(SHAPES_LONG) KEHOACH_SHAPES_FIRST=$$first \
	  cargo test -q -p kehoach-import --test it shapes

## goldens: regenerate the golden files of the .docx writer (review the diff like code)
goldens: ui
	UPDATE_GOLDENS=1 cargo test -p kehoach-export --test it export_golden
