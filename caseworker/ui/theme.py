"""Look and feel: Fusion style with a calm, professional palette, and the app's icons."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from caseworker.paths import builtin_resources_dir

ICONS = builtin_resources_dir() / "icons"

ACCENT = "#2f5d7c"
ALERT = "#b4432f"
WARN = "#a86b00"
OK = "#2e7d4f"

# The theme's style-sheet rules, per object name. They are NOT set on the application:
# any application style sheet makes Qt draw every widget through QStyleSheetStyle, and
# that made painting the caseload table ≈ 1.7× slower (search-as-you-type repaints it on
# every keystroke). Each named widget gets only its own rule as its own style sheet
# (``themed``), so the tables and their ancestors are drawn by the plain Fusion style.
_CARD = "background: white; border: 1px solid #d5dde4; border-radius: 10px;"
RULES: dict[str, str] = {
    "navigation": f"""
QListWidget#navigation {{
    background: #e9eef2; border: none; padding-top: 8px; font-size: 11pt;
}}
QListWidget#navigation::item {{ padding: 10px 12px; border-radius: 6px; margin: 2px 6px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
""",
    "headerBand": (
        "QFrame#headerBand { background: #eef3f7; border: 1px solid #d5dde4; border-radius: 8px; }"
    ),
    "headerTitle": "QLabel#headerTitle { font-size: 16pt; font-weight: 600; color: #1f3b50; }",
    "pageTitle": "QLabel#pageTitle { font-size: 14pt; font-weight: 600; color: #1f3b50; }",
    "badge": f"""
QLabel#badge {{
    background: {ALERT}; color: white; border-radius: 9px; padding: 2px 8px; font-weight: 600;
}}
""",
    "fieldError": f"QLabel#fieldError {{ color: {ALERT}; }}",
    "hint": "QLabel#hint { color: #4a5b68; }",
    "demoHint": """
QLabel#demoHint {
    background: #fff4d6; border: 1px solid #e6c467; border-radius: 6px; padding: 8px;
    color: #5b4300;
}
""",
    "lockCard": f"QFrame#lockCard {{ {_CARD} }}",
    "card": f"QFrame#card {{ {_CARD} }}",
    "primary": f"""
QPushButton#primary {{
    background: {ACCENT}; color: white; border: none; border-radius: 5px; padding: 6px 16px;
}}
QPushButton#primary:disabled {{ background: #9fb3c2; }}
""",
}
TAB_BAR_SHEET = "QTabBar::tab { padding: 6px 12px; }"
# all rules together (the look of the app; not set application-wide, see RULES)
STYLE_SHEET = "\n".join([*RULES.values(), TAB_BAR_SHEET])

W = TypeVar("W", bound=QWidget)


def themed(widget: W, name: str) -> W:
    """Give ``widget`` the object name ``name`` and the theme's rule for that name as its
    own style sheet (it and its children are drawn through QStyleSheetStyle; nothing
    else is). Every widget that needs a named theme rule is made with this."""
    widget.setObjectName(name)
    widget.setStyleSheet(RULES[name])
    return widget


def theme_tabs(tabs: QTabWidget) -> QTabWidget:
    """The theme's tab padding, on the tab bar only (not on the pages below it)."""
    tabs.tabBar().setStyleSheet(TAB_BAR_SHEET)
    return tabs


def icon(name: str) -> QIcon:
    """An icon from resources/icons/<name>.svg (vector, so sharp at any DPI)."""
    path = ICONS / f"{name}.svg"
    result = QIcon(str(path))
    if not result.isNull():
        for size in (16, 24, 32, 48, 64, 128):
            result.addFile(str(path), QSize(size, size))
    return result


def palette() -> QPalette:
    pal = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f5f7f9",
        QPalette.ColorRole.WindowText: "#1d2730",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f0f4f7",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1d2730",
        QPalette.ColorRole.Text: "#1d2730",
        QPalette.ColorRole.Button: "#e9eef2",
        QPalette.ColorRole.ButtonText: "#1d2730",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.PlaceholderText: "#7a8893",
    }
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa5ae"))
    return pal


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setStyleSheet("")  # per widget instead: see RULES
    app.setWindowIcon(icon("app"))
