"""A small, fast writer of the survey workbooks (SpreadsheetML written directly).

openpyxl took about 0.7 s per form on a real inventory; the forms need only a fixed handful of
features, written here as strings in one pass (docs/performance.md has the figures):
shared-string text, numbers, dates, a few styles, column widths, hidden columns and sheets,
frozen panes, sheet and workbook protection, list validations, auto-filter, header notes
(comments with their VML shapes), print setup (paper, landscape, fit to width, print area and
title rows) and a page footer.

**Text is always data.** Every string goes to the shared-string table (``t="s"``); this writer
has no way to emit a formula (``<f>``), so a model value starting with ``=``, ``+``, ``-``,
``@``, tab or CR stays text in every spreadsheet program (OWASP's formula-injection guidance);
such cells also get Excel's "quote prefix" style, so editing the cell keeps it text. Excel's own
escape ``_xHHHH_`` is applied to characters XML cannot carry (control characters, CR) and to a
literal ``_xHHHH_`` in the value, so a reader that decodes the escapes gets the exact text back.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field, replace
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils.cell import get_column_letter

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
_LITERAL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters a spreadsheet may read as a formula (OWASP CSV injection)."""


def teks_excel(text: str) -> str:
    """``text`` with Excel's ``_xHHHH_`` escapes applied where XML cannot carry it verbatim."""
    text = _LITERAL_ESCAPE.sub(r"_x005F_\1", text)
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def _t(text: str) -> str:
    return escape(teks_excel(text))


def _attr(text: str) -> str:
    return quoteattr(_ILLEGAL.sub(" ", text))


@dataclass(frozen=True, slots=True)
class Gaya:
    """A cell style (the few the forms use)."""

    tebal: bool = False
    ukuran: int = 11
    isi: str | None = None
    bungkus: bool = False
    terkunci: bool = True
    tanggal: bool = False
    awalan_kutip: bool = False
    atas: bool = False
    teks: bool = False
    """The Text number format (``@``): what OPD staff type stays text as typed, in Excel and
    LibreOffice alike (no ``0123`` → 123, ``1/12`` → a date, ``50%`` → 0.5)."""


@dataclass(slots=True)
class Validasi:
    """A list validation on a range."""

    sqref: str
    formula: str
    ketat: bool
    tampil_galat: bool
    judul_galat: str
    galat: str
    judul_prompt: str
    prompt: str


@dataclass(slots=True)
class Lembar:
    """One sheet to write."""

    nama: str
    sel: dict[tuple[int, int], tuple[Any, Gaya | None]] = field(default_factory=dict)
    kolom: dict[int, tuple[float | None, bool, Gaya | None]] = field(default_factory=dict)
    tinggi: dict[int, float] = field(default_factory=dict)
    catatan: dict[tuple[int, int], str] = field(default_factory=dict)
    validasi: list[Validasi] = field(default_factory=list)
    tersembunyi: bool = False
    lindungi: bool = False
    beku: tuple[int, int] | None = None
    """(row, column) of the first scrolling cell."""
    saring: str | None = None
    cetak: str | None = None
    """Print area (``A1:F20``)."""
    judul_cetak: str | None = None
    """Rows repeated on every printed page (``1:1``)."""
    kertas: int | None = None
    """9 = A4, 8 = A3."""
    lanskap: bool = False
    gabung: list[str] = field(default_factory=list)

    def tulis(self, row: int, col: int, value: Any, gaya: Gaya | None = None) -> None:
        """Put a value (str, int, float, date, bool or None) at (row, column)."""
        if value is None and gaya is None:
            self.sel.pop((row, col), None)
            return
        self.sel[(row, col)] = (value, gaya)


_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_EPOCH = dt.date(1899, 12, 30)


class Buku:
    """A workbook being written."""

    def __init__(self) -> None:
        self.lembar: list[Lembar] = []
        self.kunci_struktur = False
        self._gaya: dict[Gaya, int] = {Gaya(): 0}
        self._sst: dict[str, int] = {}
        self._sst_count = 0

    def tambah(self, nama: str) -> Lembar:
        """A new sheet at the end."""
        sheet = Lembar(nama)
        self.lembar.append(sheet)
        return sheet

    def _xf(self, gaya: Gaya | None) -> int:
        if gaya is None:
            return 0
        if gaya not in self._gaya:
            self._gaya[gaya] = len(self._gaya)
        return self._gaya[gaya]

    def _s(self, text: str) -> int:
        self._sst_count += 1
        if text not in self._sst:
            self._sst[text] = len(self._sst)
        return self._sst[text]

    # -- parts ------------------------------------------------------------------------------------
    def _sheet_xml(self, index: int, sheet: Lembar) -> str:
        out = [
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS} {_NS_R}>'
        ]
        out.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
        pane = ""
        if sheet.beku is not None:
            row, col = sheet.beku
            top = f"{get_column_letter(col)}{row}"
            split = (f' xSplit="{col - 1}"' if col > 1 else "") + (
                f' ySplit="{row - 1}"' if row > 1 else ""
            )
            active = (
                "bottomRight" if col > 1 and row > 1 else ("bottomLeft" if row > 1 else "topRight")
            )
            pane = f'<pane{split} topLeftCell="{top}" activePane="{active}" state="frozen"/>'
        selected = ' tabSelected="1"' if index == 0 else ""
        out.append(
            f'<sheetViews><sheetView workbookViewId="0"{selected}>{pane}</sheetView></sheetViews>'
        )
        out.append('<sheetFormatPr defaultRowHeight="15"/>')
        if sheet.kolom:
            out.append("<cols>")
            for col in sorted(sheet.kolom):
                width, hidden, gaya = sheet.kolom[col]
                attrs = f' width="{width or 9.140625}" customWidth="1"'
                if hidden:
                    attrs += ' hidden="1"'
                if gaya is not None:
                    attrs += f' style="{self._xf(gaya)}"'
                out.append(f'<col min="{col}" max="{col}"{attrs}/>')
            out.append("</cols>")
        out.append("<sheetData>")
        rows: dict[int, list[int]] = {}
        for row, col in sheet.sel:
            rows.setdefault(row, []).append(col)
        for row in sorted(set(rows) | set(sheet.tinggi)):
            height = sheet.tinggi.get(row)
            hattr = f' ht="{height}" customHeight="1"' if height else ""
            cells = []
            for col in sorted(rows.get(row, ())):
                value, gaya = sheet.sel[(row, col)]
                cells.append(self._cell(f"{get_column_letter(col)}{row}", value, gaya))
            out.append(f'<row r="{row}"{hattr}>{"".join(cells)}</row>')
        out.append("</sheetData>")
        if sheet.lindungi:
            out.append(
                '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" '
                'formatColumns="0" formatRows="0" insertRows="0" deleteRows="0" sort="0" '
                'autoFilter="0"/>'
            )
        if sheet.saring:
            out.append(f'<autoFilter ref="{sheet.saring}"/>')
        if sheet.gabung:
            out.append(f'<mergeCells count="{len(sheet.gabung)}">')
            out += [f'<mergeCell ref="{ref}"/>' for ref in sheet.gabung]
            out.append("</mergeCells>")
        if sheet.validasi:
            out.append(f'<dataValidations count="{len(sheet.validasi)}">')
            for v in sheet.validasi:
                out.append(
                    f'<dataValidation type="list" errorStyle="{"stop" if v.ketat else "warning"}" '
                    f'allowBlank="1" showInputMessage="1" '
                    f'showErrorMessage="{1 if v.tampil_galat else 0}" '
                    f"errorTitle={_attr(v.judul_galat[:32])} error={_attr(v.galat[:255])} "
                    f"promptTitle={_attr(v.judul_prompt[:32])} prompt={_attr(v.prompt[:255])} "
                    f'sqref="{v.sqref}"><formula1>{escape(v.formula)}</formula1></dataValidation>'
                )
            out.append("</dataValidations>")
        out.append(
            '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>'
        )
        if sheet.kertas:
            orient = "landscape" if sheet.lanskap else "portrait"
            out.append(
                f'<pageSetup paperSize="{sheet.kertas}" orientation="{orient}" fitToWidth="1" '
                'fitToHeight="0"/>'
            )
        out.append(
            "<headerFooter><oddFooter>&amp;L&amp;A&amp;RHalaman &amp;P / &amp;N</oddFooter>"
            "</headerFooter>"
        )
        if sheet.catatan:
            out.append('<legacyDrawing r:id="rIdVml"/>')
        out.append("</worksheet>")
        return "".join(out)

    def _cell(self, ref: str, value: Any, gaya: Gaya | None) -> str:
        if isinstance(value, str) and value.startswith(AWALAN_RUMUS):
            gaya = replace(gaya or Gaya(), awalan_kutip=True)
        if isinstance(value, dt.datetime | dt.date) and not (gaya and gaya.tanggal):
            gaya = replace(gaya or Gaya(), tanggal=True, teks=False)
        style = self._xf(gaya)
        s = f' s="{style}"' if style else ""
        if value is None:
            return f'<c r="{ref}"{s}/>'
        if isinstance(value, bool):
            return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float):
            return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
        if isinstance(value, dt.datetime):
            delta = value - dt.datetime.combine(_EPOCH, dt.time())
            return f'<c r="{ref}"{s}><v>{delta.total_seconds() / 86400!r}</v></c>'
        if isinstance(value, dt.date):
            return f'<c r="{ref}"{s}><v>{(value - _EPOCH).days}</v></c>'
        return f'<c r="{ref}"{s} t="s"><v>{self._s(str(value))}</v></c>'

    def _sst_xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{_t(s)}</t></si>' for s in self._sst)
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {_NS} '
            f'count="{self._sst_count}" uniqueCount="{len(self._sst)}">{items}</sst>'
        )

    def _styles_xml(self) -> str:
        fonts: dict[tuple[bool, int], int] = {(False, 11): 0}
        fills: dict[str | None, int] = {None: 0}
        xfs = []
        for gaya in self._gaya:
            font = fonts.setdefault((gaya.tebal, gaya.ukuran), len(fonts))
            fill = fills.setdefault(gaya.isi, len(fills) + 1) if gaya.isi else 0
            numfmt = 164 if gaya.tanggal else 49 if gaya.teks else 0
            attrs = (
                f'numFmtId="{numfmt}" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"'
                + (' applyNumberFormat="1"' if numfmt else "")
                + (' applyFont="1"' if font else "")
                + (' applyFill="1"' if fill else "")
                + (' quotePrefix="1"' if gaya.awalan_kutip else "")
            )
            inner = ""
            if gaya.bungkus or gaya.atas:
                attrs += ' applyAlignment="1"'
                inner += (
                    "<alignment"
                    + (' vertical="top"' if gaya.atas else "")
                    + (' wrapText="1"' if gaya.bungkus else "")
                    + "/>"
                )
            if not gaya.terkunci:
                attrs += ' applyProtection="1"'
                inner += '<protection locked="0"/>'
            xfs.append(f"<xf {attrs}>{inner}</xf>" if inner else f"<xf {attrs}/>")
        font_xml = "".join(
            f'<font>{"<b/>" if bold else ""}<sz val="{size}"/><name val="Calibri"/>'
            '<family val="2"/></font>'
            for bold, size in fonts
        )
        fill_xml = (
            '<fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill>'
        )
        fill_xml += "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{color}"/>'
            '<bgColor indexed="64"/></patternFill></fill>'
            for color in fills
            if color
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {_NS}>'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
            f'<fonts count="{len(fonts)}">{font_xml}</fonts>'
            f'<fills count="{len(fills) + 1}">{fill_xml}</fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            "</borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            "</cellStyleXfs>"
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )  # fmt: skip

    def _comments(self, sheet: Lembar, index: int) -> tuple[str, str]:
        items = []
        shapes = []
        for n, ((row, col), text) in enumerate(sorted(sheet.catatan.items())):
            ref = f"{get_column_letter(col)}{row}"
            items.append(
                f'<comment ref="{ref}" authorId="0"><text><t xml:space="preserve">{_t(text)}</t>'
                "</text></comment>"
            )
            shapes.append(
                f'<v:shape id="_x0000_s{1024 * (index + 1) + n + 1}" type="#_x0000_t202" '
                'style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;'
                'height:120pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" '
                'o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" '
                'obscured="t"/><v:path o:connecttype="none"/><v:textbox '
                'style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
                '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
                f"<x:Anchor>{col}, 15, {max(row - 1, 0)}, 2, {col + 4}, 15, {row + 7}, 2</x:Anchor>"
                f"<x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row>"
                f"<x:Column>{col - 1}</x:Column></x:ClientData></v:shape>"
            )
        comments = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments {_NS}>'
            f"<authors><author>spbe-arch</author></authors><commentList>{''.join(items)}"
            "</commentList></comments>"
        )
        vml = (
            '<xml xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">'
            f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{index + 1}"/>'
            '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
            'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path '
            'gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            f"{''.join(shapes)}</xml>"
        )
        return comments, vml

    def ke_bytes(self) -> bytes:
        """The workbook as ``.xlsx`` bytes."""
        sheets = [self._sheet_xml(i, s) for i, s in enumerate(self.lembar)]
        buffer = io.BytesIO()
        overrides = [
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>',
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>',
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>',
        ]
        wb_rels = []
        entries = []
        names = []
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for i, (sheet, xml) in enumerate(zip(self.lembar, sheets, strict=True), start=1):
                zf.writestr(f"xl/worksheets/sheet{i}.xml", xml)
                overrides.append(
                    f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                    f'ContentType="{_CT}.worksheet+xml"/>'
                )
                wb_rels.append(
                    f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                    f'Target="worksheets/sheet{i}.xml"/>'
                )
                state = ' state="hidden"' if sheet.tersembunyi else ""
                entries.append(
                    f'<sheet name={_attr(sheet.nama)} sheetId="{i}"{state} r:id="rId{i}"/>'
                )
                quoted = "'" + sheet.nama.replace("'", "''") + "'"
                if sheet.judul_cetak:
                    rows = sheet.judul_cetak.split(":")
                    names.append(
                        f'<definedName name="_xlnm.Print_Titles" localSheetId="{i - 1}">'
                        f"{escape(quoted)}!${rows[0]}:${rows[1]}</definedName>"
                    )
                if sheet.cetak:
                    a, b = sheet.cetak.split(":")
                    names.append(
                        f'<definedName name="_xlnm.Print_Area" localSheetId="{i - 1}">'
                        f"{escape(quoted)}!{_absolut(a)}:{_absolut(b)}</definedName>"
                    )
                if sheet.saring:
                    a, b = sheet.saring.split(":")
                    names.append(
                        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i - 1}" '
                        f'hidden="1">{escape(quoted)}!{_absolut(a)}:{_absolut(b)}</definedName>'
                    )
                if sheet.catatan:
                    comments, vml = self._comments(sheet, i - 1)
                    zf.writestr(f"xl/comments{i}.xml", comments)
                    zf.writestr(f"xl/drawings/vmlDrawing{i}.vml", vml)
                    overrides.append(
                        f'<Override PartName="/xl/comments{i}.xml" '
                        f'ContentType="{_CT}.comments+xml"/>'
                    )
                    zf.writestr(
                        f"xl/worksheets/_rels/sheet{i}.xml.rels",
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                        f'relationships"><Relationship Id="rIdCmt" Type="{_REL}/comments" '
                        f'Target="../comments{i}.xml"/><Relationship Id="rIdVml" '
                        f'Type="{_REL}/vmlDrawing" Target="../drawings/vmlDrawing{i}.vml"/>'
                        "</Relationships>",
                    )
            n = len(self.lembar)
            wb_rels.append(
                f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            )
            wb_rels.append(
                f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" '
                'Target="sharedStrings.xml"/>'
            )
            zf.writestr("xl/sharedStrings.xml", self._sst_xml())
            zf.writestr("xl/styles.xml", self._styles_xml())
            protect = '<workbookProtection lockStructure="1"/>' if self.kunci_struktur else ""
            defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
            zf.writestr(
                "xl/workbook.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {_NS} '
                f'{_NS_R}><workbookPr/>{protect}<bookViews><workbookView activeTab="0"/>'
                f"</bookViews><sheets>{''.join(entries)}</sheets>{defined}"
                '<calcPr calcId="191029"/></workbook>',
            )
            zf.writestr(
                "xl/_rels/workbook.xml.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f"{''.join(wb_rels)}</Relationships>",
            )
            zf.writestr(
                "_rels/.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                "</Relationships>",
            )
            zf.writestr(
                "[Content_Types].xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types '
                'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                '<Default Extension="vml" ContentType="application/vnd.openxmlformats-'
                f'officedocument.vmlDrawing"/>{"".join(overrides)}</Types>',
            )
        return buffer.getvalue()


def _absolut(ref: str) -> str:
    m = re.match(r"^([A-Z]+)(\d+)$", ref)
    return f"${m.group(1)}${m.group(2)}" if m else ref
