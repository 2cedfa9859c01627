"""Guard against a Qt binding that corrupts reference counts.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on some calls that
return nothing; after enough calls the interpreter aborts with "Fatal Python
error: none_dealloc" — in the app, a crash in the middle of a session. This runs
the pattern that triggers it in a separate process, so a bad binding fails here
instead of at a kitchen table.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

app = QApplication([])
model = QStandardItemModel(2000, 30)
for row in range(2000):
    for column in range(30):
        model.setItem(row, column, QStandardItem("x"))
print("done", model.rowCount())
"""


def test_qt_binding_survives_many_calls_returning_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done 2000" in result.stdout
