# The two commands of the README:
#   make run   — the main job on the bundled example
#   make test  — every test
# Both install missing system packages first (scripts/install-system-packages.sh).

SWIFT ?= swift

.PHONY: run test build release system-packages benchmarks format

system-packages:
	@bash scripts/install-system-packages.sh

build: system-packages
	$(SWIFT) build

release: system-packages
	$(SWIFT) build -c release --product plssem

run: release
	bash scripts/run-example.sh

test: system-packages
	$(SWIFT) test

benchmarks: system-packages
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

format:
	$(SWIFT) format --in-place --recursive Sources Tests Benchmarks/Sources Benchmarks/Package.swift Package.swift
