"""Stage 1, readers: a file in, a Document (display text + rows of cells with offsets) out; bad files become problems, never exceptions."""
