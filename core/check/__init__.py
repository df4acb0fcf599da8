"""Stage 3, check: a Report in, Findings out — the template's rules, its equations, and the cross-year rules."""
