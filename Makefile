# The two commands (see README.md). Each installs what is missing first and is safe to repeat.
.PHONY: run test size bench lighthouse walk inp setup

## Build the app and start the reference server with demo data on http://127.0.0.1:8080
run:
	@scripts/run.sh

## Run every test: lint, unit, server, browser component, contract and end-to-end tests
test:
	@scripts/test.sh

## Print the first-load size of the app against its budget
size:
	@scripts/build-app.sh && python3 scripts/size_report.py dist

## Time opening the 1,200-reply demo thread with a cold cache, against a hand-written JS page that
## shows the same replies (needs a running server, e.g. `make run`; VECHE_URL picks another one,
## BENCH_RUNS the number of runs)
bench:
	@node scripts/bench_thread.mjs

## Lighthouse (mobile profile) on the lists and a thread, an idea, an event, a profile and an article
## against the budget: performance >= 95, no layout shift, LCP <= 2.0 s (needs a running server with
## the release build, e.g. `make run`; VECHE_URL picks another)
lighthouse:
	@node scripts/lighthouse.mjs

## Code fetched walking through ten pages in one tab, against the distinct code they use (goal
## <= 1.15x; needs a running server with the release build in dist/, e.g. `make run`)
walk:
	@node scripts/walk_code.mjs

## Interaction to next paint of a vote, kudos and an RSVP at 4x CPU slowdown (goal <= 100 ms;
## needs a running server with the demo data, e.g. `make run`)
inp:
	@node scripts/inp.mjs

setup:
	@scripts/setup.sh
