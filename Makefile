# The two commands of the README:
#   make run   — the main job on the bundled example
#   make test  — every test
# Both install missing system packages first (scripts/install-system-packages.sh); `make test`
# also installs the opt-in slurm group (slurm-wlm, munge), because the Slurm demo test
# (Tests/CLITests/SlurmDemoTests.swift) starts a single-node cluster.

SWIFT ?= swift

.PHONY: run test test-kernels docs build release system-packages test-packages slurm-demo benchmarks benchmarks-vs-numpy format fuzz large-input

system-packages:
	@bash scripts/install-system-packages.sh

build: system-packages
	$(SWIFT) build

release: system-packages
	$(SWIFT) build -c release --product plssem

run: release
	bash scripts/run-example.sh

test-packages:
	@bash scripts/install-system-packages.sh --with slurm

test: test-packages
	$(SWIFT) test

# The DocC documentation of the four library modules, warnings as errors (a stale symbol link
# fails); archives in .build/plugins/Swift-DocC/outputs/<Module>.doccarchive.
DOC_TARGETS = PLSSEM Survey LinearAlgebra PLSSEMReport
docs: system-packages
	$(SWIFT) package --disable-sandbox generate-documentation \
		$(foreach t,$(DOC_TARGETS),--target $(t)) --warnings-as-errors

# The whole suite once per OpenBLAS kernel family (OPENBLAS_CORETYPE): no test may depend on
# the CPU. KERNELS="Haswell Prescott" for a subset; see README.md, "Tests on other CPUs".
KERNELS ?=
test-kernels: test-packages
	bash scripts/test-kernels.sh $(KERNELS)

# The sharded bootstrap of ECSI mobi on a single-node Slurm cluster started here: 4 array tasks
# of 100,000 resamples in all and the dependent merge, checked against a single run; see
# README.md. Options go through SLURM_DEMO, e.g. SLURM_DEMO="--bootstrap 1000000 --shards 8".
SLURM_DEMO ?=
slurm-demo: test-packages
	bash scripts/slurm-demo.sh $(SLURM_DEMO)

# The benchmark suite (its own package in Benchmarks/, release build); see Benchmarks/README.md.
benchmarks: system-packages
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

# LinearAlgebra benchmarks side by side with the numpy peer, in one run.
benchmarks-vs-numpy: system-packages
	bash Benchmarks/run-linear-algebra.sh

# libFuzzer harnesses (Fuzz/), FUZZ_SECONDS each, one after the other; see README.md.
FUZZ_SECONDS ?= 600
fuzz: system-packages
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

# 100,000 x 200 estimate: wall time, CPU time and peak RSS; see README.md.
large-input: system-packages
	bash Benchmarks/large-input.sh

format:
	$(SWIFT) format --in-place --recursive Sources Tests Benchmarks/Benchmarks Benchmarks/Package.swift Package.swift
