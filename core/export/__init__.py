"""Stage 5, export: ReportReviews in, files out — Excel, CSV, JSON and the official Word template."""
