"""The folder an export writes into, a folder typed that does not exist yet included.

``QFileDialog.getExistingDirectory`` refuses a typed folder that does not exist (“目录未找到”):
an auditor who types where the Word files should go had to find 新建文件夹 instead. Here a typed
new folder is made, or the dialog says in Chinese why it cannot be, and stays open: a name the
auditors' Windows PCs cannot hold (Word*) is refused before it is made."""
from __future__ import annotations

from pathlib import Path

from core.export.common import windows_name_refusal
from gui import strings
from gui.file_dialogs import fit_once_shown
from gui.qt import QFileDialog, QMessageBox


class ExportFolderDialog(QFileDialog):
    """A folder picker whose OK makes the folder typed when it is not there yet."""

    def __init__(self, parent, title: str, start: str) -> None:
        super().__init__(parent, title, start)
        self.setFileMode(QFileDialog.FileMode.Directory)
        self.setOption(QFileDialog.Option.ShowDirsOnly, True)

    def accept(self) -> None:
        chosen = self.selectedFiles()
        if chosen and not self._ready(Path(chosen[0])):
            return
        super().accept()

    def _ready(self, folder: Path) -> bool:
        """True when ``folder`` is a folder now (made here if need be); else says why not."""
        if folder.is_dir():
            return True
        refusal = next(filter(None, (windows_name_refusal(name, folder=True) for name in _new_names(folder))), "")
        if refusal:
            QMessageBox.warning(self, self.windowTitle(), refusal)
            return False
        if folder.exists():
            reason = strings.NEW_FOLDER_IS_FILE
        else:
            try:
                folder.mkdir(parents=True)
                return True
            except PermissionError:
                reason = strings.NEW_FOLDER_NO_RIGHT
            except OSError as error:
                reason = strings.NEW_FOLDER_OTHER.format(error=error.strerror or error)
        QMessageBox.warning(self, self.windowTitle(),
                            strings.NEW_FOLDER_FAILED.format(folder=str(folder), reason=reason))
        return False


def _new_names(folder: Path) -> list[str]:
    """The names of ``folder`` and of its parents that are not there yet, outermost first (the
    folders the dialog would make)."""
    names = []
    while not folder.exists() and folder != folder.parent:
        names.append(folder.name)
        folder = folder.parent
    return names[::-1]


def ask_export_folder(parent, title: str, start: str) -> str:
    """The folder chosen (made if it was typed new), or "" when cancelled."""
    dialog = ExportFolderDialog(parent, title, start)
    fit_once_shown()
    chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
    dialog.deleteLater()
    return chosen
