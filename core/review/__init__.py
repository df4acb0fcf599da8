"""Stage 4, review: a Report and its Findings in, a ReportReview (corrections, verdicts, status) kept in SQLite out."""
