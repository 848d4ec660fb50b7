"""The office's rules in pure Python (no Flask, no SQL; import-linter checks it): workflow
states and who may move them, SOP time and working days, schedules, keberatan, SKM arithmetic,
numbers, tiket order, the steps of the request form."""
