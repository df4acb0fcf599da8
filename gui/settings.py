"""The user's settings, typed in one place: QSettings in INI format, user scope.

Never beside the program (which may sit in a read-only folder). Tests point the user scope at a
temporary folder (``QSettings.setPath``) or pass an explicit file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from gui import strings
from gui.qt import QByteArray, QSettings

RECENT_LIMIT = 10


class Settings:
    def __init__(self, path: Optional[Path] = None) -> None:
        if path is None:
            self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                strings.ORGANIZATION, "workbench")
        else:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    def sync(self) -> None:
        self._q.sync()

    # --- folders ---------------------------------------------------------------------------

    @property
    def last_folder(self) -> str:
        return str(self._q.value("folders/last", "") or "")

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._q.setValue("folders/last", folder)

    @property
    def recent_folders(self) -> list[str]:
        value = self._q.value("folders/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if v]

    @recent_folders.setter
    def recent_folders(self, folders: list[str]) -> None:
        self._q.setValue("folders/recent", list(folders)[:RECENT_LIMIT])

    def remember_folder(self, folder: str) -> None:
        """Make ``folder`` the last one and the first of the recent list."""
        self.last_folder = folder
        self.recent_folders = [folder] + [f for f in self.recent_folders if f != folder]

    def last_report(self, folder: str) -> str:
        """The report last open in ``folder`` ("" when the last one was in another folder)."""
        if str(self._q.value("folders/last_report_folder", "") or "") != folder:
            return ""
        return str(self._q.value("folders/last_report", "") or "")

    def remember_report(self, folder: str, file: str) -> None:
        self._q.setValue("folders/last_report_folder", folder)
        self._q.setValue("folders/last_report", file)

    # --- window ----------------------------------------------------------------------------

    def window_state(self, key: str) -> Optional[QByteArray]:
        value = self._q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._q.setValue(f"window/{key}", value)

    @property
    def list_sort(self) -> tuple[int, bool]:
        """The report list's sort (its column, most first or not); column -1: the folder's order."""
        try:
            column = int(self._q.value("list/sort_column", -1))
        except (TypeError, ValueError):
            column = -1
        return column, str(self._q.value("list/sort_descending", "false")).lower() == "true"

    @list_sort.setter
    def list_sort(self, value: tuple[int, bool]) -> None:
        self._q.setValue("list/sort_column", int(value[0]))
        self._q.setValue("list/sort_descending", bool(value[1]))

    def list_widths(self, key: str) -> list[int]:
        """The report list's column widths the user dragged on a screen (``key``), [] if none."""
        try:
            return [int(width) for width in str(self._q.value(f"list/widths_{key}", "")).split(",") if width]
        except ValueError:
            return []

    def set_list_widths(self, key: str, widths: list[int]) -> None:
        self._q.setValue(f"list/widths_{key}", ",".join(map(str, widths)))

    def view_option(self, name: str, default: bool) -> bool:
        """A 视图 menu's check (显示问题清单, 显示原文, 原文自动换行) as it was left."""
        value = self._q.value(f"view/{name}")
        return default if value is None else str(value).lower() == "true"

    def set_view_option(self, name: str, on: bool) -> None:
        self._q.setValue(f"view/{name}", bool(on))

    def export_folder(self, kind: str) -> str:
        """Where the export of ``kind`` (".xlsx", ".csv", ".json", "word", "summary", "compare")
        was saved last: each kind its own, for the Word files' folder is no place for the next
        workbook. A folder since deleted or renamed (or on a USB stick taken out): its nearest
        folder still there, rather than a dialog opened wherever Qt falls back to; "" when none is."""
        folder = str(self._q.value(f"export/folder_{kind.lstrip('.')}", "") or "")
        if not folder:
            return ""
        for place in (Path(folder), *Path(folder).parents):
            try:
                # (a drive's bare root only when the export went there: not as the nearest left)
                if place.is_dir() and (str(place) == folder or place != place.parent):
                    return str(place)
            except OSError:  # a drive that does not answer
                return ""
        return ""

    def set_export_folder(self, kind: str, folder: str) -> None:
        self._q.setValue(f"export/folder_{kind.lstrip('.')}", folder)

    # --- a value typed and never confirmed when the window closed -----------------------------

    @property
    def dropped_typing(self) -> str:
        """What the next start says of a value typed but never confirmed as the window closed
        ("" when none was)."""
        return str(self._q.value("session/dropped_typing", "") or "")

    @dropped_typing.setter
    def dropped_typing(self, said: str) -> None:
        self._q.setValue("session/dropped_typing", said)
