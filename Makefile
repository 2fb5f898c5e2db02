# The two commands (see README.md). Each installs what is missing first and is safe to repeat.
.PHONY: run test size bench lighthouse setup

## Build the app and start the reference server with demo data on http://127.0.0.1:8080
run:
	@scripts/run.sh

## Run every test: lint, unit, server, browser component, contract and end-to-end tests
test:
	@scripts/test.sh

## Print the first-load size of the app against its budget
size:
	@scripts/build-app.sh && python3 scripts/size_report.py dist

## Time opening the 1,200-reply demo thread with a cold cache (needs a running server, e.g. `make run`;
## VECHE_URL picks another one, BENCH_RUNS the number of runs)
bench:
	@node scripts/bench_thread.mjs

## Lighthouse (mobile profile) on the main pages against the budget: performance >= 95, no layout
## shift (needs a running server with the release build, e.g. `make run`; VECHE_URL picks another)
lighthouse:
	@node scripts/lighthouse.mjs

setup:
	@scripts/setup.sh
