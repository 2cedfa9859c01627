"""The main window: navigation bar, caseload with dossier tabs, alerts, placeholders,
settings, status bar. Session pages are built on unlock and destroyed on lock."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker import __version__
from caseworker.services.ui_support import SessionUser

from .alerts_view import AlertsView
from .caseload_view import CaseloadView
from .deps import AppDeps
from .dialogs.household_dialog import HouseholdDialog
from .dossier.common import hint
from .dossier.sections import SectionFactory
from .dossier.view import DossierView
from .idle import DEFAULT_IDLE_MINUTES
from .lock_screen import LockScreen
from .theme import icon, theme_tabs, themed

NAV_CASELOAD, NAV_ALERTS, NAV_TEAM, NAV_CONFLICTS, NAV_SETTINGS = range(5)
IDLE_MINUTES_KEY = "lock/idle_minutes"
GEOMETRY_KEY = "window/geometry"


def placeholder_page(title: str, text: str) -> QWidget:
    page = QWidget()
    heading = QLabel(title)
    themed(heading, "pageTitle")
    layout = QVBoxLayout(page)
    layout.addWidget(heading)
    layout.addWidget(hint(text))
    layout.addStretch(1)
    return page


class MainWindow(QMainWindow):
    lock_requested = Signal()
    idle_minutes_changed = Signal(int)
    intake_requested = Signal(str)

    def __init__(
        self,
        lock_screen: LockScreen,
        settings: QSettings,
        sections: Mapping[str, SectionFactory] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._sections = sections
        self.deps: AppDeps | None = None
        self.caseload: CaseloadView | None = None
        self.alerts: AlertsView | None = None
        self.setWindowTitle(self.tr("Caseworker"))
        self.setWindowIcon(icon("app"))
        self.resize(1280, 800)

        self.lock_screen = lock_screen
        self.root = QStackedWidget()
        self.root.addWidget(lock_screen)
        self.workspace = QWidget()
        self.root.addWidget(self.workspace)
        self.setCentralWidget(self.root)

        self.navigation = QListWidget()
        themed(self.navigation, "navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setFixedWidth(210)
        for name, text in (
            ("caseload", self.tr("Caseload")),
            ("alerts", self.tr("Alerts")),
            ("team", self.tr("Team dashboard")),
            ("conflicts", self.tr("Conflicts")),
            ("settings", self.tr("Settings")),
        ):
            QListWidgetItem(icon(name), text, self.navigation)
        self.pages = QStackedWidget()
        self.tabs = theme_tabs(QTabWidget())
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setAccessibleName(self.tr("Caseload and open dossiers"))
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.alerts_holder = QWidget()
        QVBoxLayout(self.alerts_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.alerts_holder)
        self.team_page = placeholder_page(
            self.tr("Team dashboard"),
            self.tr("The team dashboard with indicators comes in a later version."),
        )
        self.pages.addWidget(self.team_page)
        self.pages.addWidget(
            placeholder_page(
                self.tr("Conflicts"),
                self.tr("No sync conflicts. Conflicts appear here once synchronisation is set up."),
            )
        )
        self.pages.addWidget(self._settings_page())
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.currentRowChanged.connect(self._page_changed)
        self._alerts_stale = True
        layout = QHBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)

        self.lock_label = QLabel()
        self.sync_label = QLabel(self.tr("Sync: not set up"))
        themed(self.sync_label, "hint")
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addWidget(self.lock_label)
        self._make_actions()
        geometry = settings.value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        self.show_locked()

    # -- actions and menus ---------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(
            text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: object
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.search_action = action(
            self.tr("&Search"), QKeySequence.StandardKey.Find, self.focus_search
        )
        self.lock_action = action(self.tr("&Lock"), "Ctrl+L", self.lock_requested)
        self.lock_action.setIcon(icon("lock"))
        self.close_tab_action = action(self.tr("&Close dossier"), "Ctrl+W", self.close_current_tab)
        self.new_action = action(self.tr("&New household"), "Ctrl+N", self.new_household)
        self.new_action.setIcon(icon("add"))
        self.quit_action = action(self.tr("&Quit"), "Ctrl+Q", self.close)
        self.about_action = action(self.tr("&About Caseworker"), "F1", self.show_about)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for act in (self.new_action, self.search_action, self.close_tab_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _settings_page(self) -> QWidget:
        page = QWidget()
        heading = QLabel(self.tr("Settings"))
        themed(heading, "pageTitle")
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(self.idle_minutes())
        self.idle_spin.setAccessibleName(self.tr("Lock after idle minutes"))
        self.idle_spin.valueChanged.connect(self._idle_changed)
        form = QFormLayout()
        form.addRow(self.tr("Lock after being idle for:"), self.idle_spin)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def idle_minutes(self) -> int:
        value = self._settings.value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES)
        try:
            return max(1, int(value))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES

    def _idle_changed(self, minutes: int) -> None:
        self._settings.setValue(IDLE_MINUTES_KEY, minutes)
        self.idle_minutes_changed.emit(minutes)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Caseworker"),
            self.tr(
                "<h3>Caseworker %1</h3><p>For the caseworkers of the WIJ-teams: intake, "
                "family plan and self-reliance, stored encrypted on this laptop.</p>"
                "<p>Licence: EUPL-1.2</p>"
            ).replace("%1", __version__),
        )

    # -- session ------------------------------------------------------------------------
    def show_session(self, deps: AppDeps, user: SessionUser) -> None:
        self.deps = deps
        self.caseload = CaseloadView(deps)
        self.caseload.open_household.connect(self.open_dossier)
        self.caseload.new_household_requested.connect(self.new_household)
        self.alerts = AlertsView()
        self.alerts.open_household.connect(self.open_dossier)
        # the alerts page is filled when the alerts arrive (second loading step), and
        # rebuilt only when it is shown: it costs tens of ms at thousands of alerts
        self._alerts_stale = True
        self.caseload.alerts_loaded.connect(self._alerts_arrived)
        holder = self.alerts_holder.layout()
        if holder is not None:
            holder.addWidget(self.alerts)
        self.tabs.insertTab(0, self.caseload, icon("caseload"), self.tr("Caseload"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)  # type: ignore[arg-type]
        self.navigation.item(NAV_TEAM).setHidden(not user.is_team_lead)
        self.navigation.setCurrentRow(NAV_CASELOAD)
        self.root.setCurrentWidget(self.workspace)
        self.lock_label.setText(self.tr("Unlocked"))
        self.setWindowTitle(self.tr("Caseworker"))
        if deps.server_host:
            self.sync_label.setText(self.tr("Enrolled with %1").replace("%1", deps.server_host))
        else:
            self.sync_label.setText(self.tr("Sync: not set up"))
        self.caseload.reload()
        self.caseload.focus_search()

    def show_locked(self) -> None:
        """Destroy every page that shows personal data and show the lock screen."""
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is None:
                continue
            if isinstance(widget, DossierView):
                widget.clear()
            if isinstance(widget, CaseloadView):
                widget.clear()
            widget.setParent(None)  # type: ignore[call-overload,union-attr]
            widget.deleteLater()
        if self.alerts is not None:
            self.alerts.clear()
            self.alerts.setParent(None)  # type: ignore[call-overload]
            self.alerts.deleteLater()
        self.caseload = None
        self.alerts = None
        self.deps = None
        self.root.setCurrentWidget(self.lock_screen)
        self.lock_label.setText(self.tr("Locked"))
        self.setWindowTitle(self.tr("Caseworker (locked)"))
        self.lock_screen.panel.reset()
        self.lock_screen.panel.focus_passphrase()

    @property
    def is_locked(self) -> bool:
        return self.deps is None

    def _alerts_arrived(self) -> None:
        self._alerts_stale = True
        if self.pages.currentWidget() is self.alerts_holder:
            self._refresh_alerts()

    def _page_changed(self, index: int) -> None:
        if index == NAV_ALERTS and self._alerts_stale:
            self._refresh_alerts()

    def _refresh_alerts(self) -> None:
        if self.alerts is not None and self.caseload is not None:
            self.alerts.set_rows(self.caseload.model.rows)
            self._alerts_stale = False

    # -- dossiers -----------------------------------------------------------------------
    def dossier_tabs(self) -> list[DossierView]:
        return [
            w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), DossierView)
        ]

    def open_dossier(self, household_id: str) -> DossierView | None:
        if self.deps is None:
            return None
        for view in self.dossier_tabs():
            if view.household_id == household_id:
                self.tabs.setCurrentWidget(view)
                self.navigation.setCurrentRow(NAV_CASELOAD)
                return view
        view = DossierView(self.deps, household_id, self._sections)
        view.intake_requested.connect(self.intake_requested)
        view.changed.connect(lambda _hid: self.caseload.reload() if self.caseload else None)
        index = self.tabs.addTab(view, icon("dossier"), view.dossier.household.name)
        self.tabs.setCurrentIndex(index)
        self.navigation.setCurrentRow(NAV_CASELOAD)
        return view

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, DossierView):
            self.tabs.removeTab(index)
            widget.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def focus_search(self) -> None:
        if self.caseload is None:
            return
        self.navigation.setCurrentRow(NAV_CASELOAD)
        self.tabs.setCurrentWidget(self.caseload)
        self.caseload.focus_search()

    def new_household(self) -> HouseholdDialog | None:
        if self.deps is None:
            return None
        dialog = HouseholdDialog(self.deps, None, self)
        self.current_dialog = dialog
        dialog.accepted.connect(lambda: self._household_created(dialog.saved_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _household_created(self, household_id: str | None) -> None:
        if self.caseload is not None:
            self.caseload.reload()
        if household_id:
            self.open_dossier(household_id)

    # -- window -------------------------------------------------------------------------
    def save_geometry(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
