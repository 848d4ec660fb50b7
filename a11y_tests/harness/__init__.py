"""What the browser tests (a11y_tests/) and the benchmarks (bench/) share. Not tests.

- `browser`:   the one Chromium launcher (`chromium()`), its arguments and timeouts, and
               `click_and_wait`.
- `site`:      the audited app with its data (`site()`), served on a free port (`serve()`),
               and signing in as a demo role (`login_as`).
- `axe`:       `audit()` one page with axe and report its violations.
- `routes`:    every route's page cases (the Case lists, EXCLUDED, ERROR_CASES), the visitors
               and who may see what, and putting a browser in a visitor's place (`become`,
               `citizen_session`, `resize`, `overflow_report`).
- `scenario`:  the demo office and the audit's drafts the pages are visited with.
- `offline`:   network conditions on every DevTools target (page and service worker alike),
               OFFLINE/ONLINE, `installed`, and the `phone` fixture: a browser of its own.
- `slow_link`: a slow or cut mobile link between a browser and the live server.
- `voice`:     the fake microphone (WAV answers spoken by espeak-ng) and the voice browser's
               arguments.

Test modules import from here (or tests/flows.py, tests/factories.py), never from another test
module; bench/ imports only from here. tests/test_architecture.py checks both.
"""
