"""The main window: the pack's measures, and the selected measure's text."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QTableView, QTextBrowser

from app.ui.measure_model import MeasureTableModel
from rules.pack import Pack


class MainWindow(QMainWindow):
    def __init__(self, pack: Pack, lang: str = "zh") -> None:
        super().__init__()
        self.pack = pack
        self.lang = lang
        zh = lang == "zh"
        self.setWindowTitle(
            f"{'政策适用检查' if zh else 'Policy Checker'} — {pack.manifest.document.number}"
        )
        self.model = MeasureTableModel(pack, lang, self)
        self.table = QTableView()
        self.table.setObjectName("measureTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 240)
        self.detail = QTextBrowser()
        self.detail.setObjectName("measureDetail")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([420, 240])
        self.setCentralWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.statusBar().showMessage(
            f"{pack.manifest.title.get(lang)} · {len(pack.measures)} "
            f"{'条措施' if zh else 'measures'} · {pack.id} {pack.version} ({pack.sha256[:12]})"
        )
        self.resize(1100, 720)
        if pack.measures:
            self.table.selectRow(0)

    def _show_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if not rows:
            return
        measure = self.model.measure(min(rows))
        clause = measure.clause if self.lang == "zh" else measure.clause_en
        self.detail.setHtml(
            f"<h3>{measure.number}. {escape(measure.title.get(self.lang))}</h3>"
            f"<p>{escape(clause)}</p>"
        )
