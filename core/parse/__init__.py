"""Stage 2, parse: a Document (readers) in, a Report with every cell placed and flagged out."""
