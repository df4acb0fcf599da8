"""Two years of one agency side by side: pairing by year, cell-by-cell changes, the folder as a table."""
