"""Core of the workbench: reading, parsing, rules, corrections, export, comparison. Never imports Qt."""
