"""Files of a folder with the same bytes ("twins"): the same report copied into two sub-folders.

The review store keys the work by content hash, so twins share one review. ``Twins`` groups the
files by the hash their loading computed already (a file is never hashed again for this); a file
without a hash (unreadable, a pipe) has nothing stored and no twin.
"""
from __future__ import annotations


class Twins:
    """Which files share their content: added one by one as a folder is listed."""

    def __init__(self) -> None:
        self._hash_of: dict[str, str] = {}
        self._files_of: dict[str, list[str]] = {}  # content hash -> its files, in the order added

    def add(self, file: str, content_hash: str) -> None:
        """``file`` holds these bytes (again: they changed since it was first added)."""
        old = self._hash_of.get(file)
        if old == content_hash:
            return
        if old:
            self._files_of[old].remove(file)
        self._hash_of[file] = content_hash
        if content_hash:
            self._files_of.setdefault(content_hash, []).append(file)

    def of(self, file: str) -> list[str]:
        """The other files with the bytes of ``file`` ([] for most files)."""
        content_hash = self._hash_of.get(file)
        if not content_hash:
            return []
        return [other for other in self._files_of[content_hash] if other != file]
