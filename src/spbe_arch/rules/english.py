"""The English summary of every built-in rule, for ``spbe-arch rules --lang en``, ``explain``
and SARIF's rule descriptions under ``--lang en``.

A rule's documentation (its docstring, published as docs/rules.md) is in Bahasa Indonesia;
this table gives the first line of each in English. A rule without an entry (a plug-in's)
shows its name in English output; tests/test_cli_english.py checks that every built-in rule
has one.
"""

from __future__ import annotations

SUMMARY_EN: dict[str, str] = {
    "SPBE-APL-001": "An application that delivers no service.",
    "SPBE-APL-002": "An application that runs on no infrastructure.",
    "SPBE-APL-003": "A data exchange between applications of different OPDs without a service "
    "bus (sistem penghubung layanan).",
    "SPBE-APL-004": "A Pemda-built application duplicates the function of an Aplikasi Umum: a "
    "migration candidate.",
    "SPBE-APL-005": "An application coded RAA.01 (Aplikasi Umum) that is not a national "
    "Aplikasi Umum.",
    "SPBE-APL-006": "A national application in use is not named or not known.",
    "SPBE-APL-007": "The service bus an integration uses is not recorded on its application.",
    "SPBE-ARS-001": "One of the six architecture domains has no element.",
    "SPBE-ARS-002": "An architecture element is not classified with a reference code.",
    "SPBE-CFG-001": "A suppression (`abaikan`) that suppresses no finding.",
    "SPBE-CFG-002": "A rule named in the configuration or in `abaikan` is unknown.",
    "SPBE-DAT-001": "Data without a business process that produces it.",
    "SPBE-ID-001": "An id is used more than once in the repository.",
    "SPBE-ID-002": "Two ids differ only in letter case.",
    "SPBE-KAT-001": "A national reference code (Level 1-3) is not in the catalogue in use.",
    "SPBE-KAT-002": "A reference code from another domain's catalogue.",
    "SPBE-KAT-003": "A valid reference code coarser than a leaf node: refine it.",
    "SPBE-KAT-004": "A local extension (Level 4-7) is not below a valid national node.",
    "SPBE-KAT-005": "A reference code or catalogue version not in force for the architecture "
    "period.",
    "SPBE-KAT-006": "A code that is not a leaf, but whose list of children in the catalogue is "
    "known to be incomplete.",
    "SPBE-KAT-007": "A service's government affair (urusan) is not an existing RAB Level 2 code.",
    "SPBE-KAT-008": "The name written after a reference code does not match the catalogue "
    "node's name.",
    "SPBE-KEA-001": "Data, an application or infrastructure that no security programme covers.",
    "SPBE-KEA-002": "A Pemda-built application whose security audit is out of date or that was "
    "never audited.",
    "SPBE-KEA-003": "A security programme that covers nothing.",
    "SPBE-LAY-001": "A service without a purpose, a service target or a service method.",
    "SPBE-LAY-002": "A potential service risk without a mitigation.",
    "SPBE-LAY-003": "A service that realises no business process.",
    "SPBE-LAY-004": "An electronic or hybrid service that no application delivers.",
    "SPBE-OPD-001": "An element's owner (`opd`) is not a defined Perangkat Daerah.",
    "SPBE-OPD-002": "An element without an owner OPD.",
    "SPBE-OPD-004": "The parent (`induk`) of an OPD does not exist, loops, or is of the wrong "
    "kind.",
    "SPBE-OPD-003": "The work unit (unit kerja) running a business process is not part of its "
    "owner OPD.",
    "SPBE-OPD-005": "An element of an OPD is written outside that OPD's folder.",
    "SPBE-REF-001": "A relation names an id that is not in the model repository.",
    "SPBE-REF-002": "A relation names an existing element of the wrong kind for that field.",
    "SPBE-RMP-001": "A to-be element that no roadmap item delivers.",
    "SPBE-RMP-002": "A roadmap item that names no architecture element or evaluation indicator.",
    "SPBE-RMP-003": "A roadmap item whose years are outside the architecture period.",
    "SPBE-RMP-004": "A target, budget or funding for a year in which the item does not run.",
    "SPBE-RMP-005": "A roadmap that does not yet cover all seven muatan (content areas).",
    "SPBE-RMP-006": "A roadmap item without a funding sub-activity code in a year it runs.",
    "SPBE-RMP-007": "An activity or sub-activity code that does not descend from the item's "
    "programme/activity code.",
    "SPBE-RMP-008": "An evaluation indicator reference that does not exist, or did not yet exist "
    "in the item's years.",
    "SPBE-RMP-009": "An architecture and roadmap period that is not five years.",
    "SPBE-RMP-010": "An architecture period that differs from the period of the RPJMD it follows.",
    "SPBE-RMP-011": "An element introduced or retired by a roadmap item outside that item's years.",
    "SPBE-RMP-012": "A roadmap item whose years all fall after its indicators' regime was "
    "replaced.",
    "SPBE-EVA-001": "An evaluation result inconsistent with its regime (year, regime, predicate).",
    "SPBE-SKEMA-001": "A required field is empty.",
    "SPBE-SKEMA-002": 'An unknown key (with a "did you mean" suggestion).',
    "SPBE-SKEMA-003": "A value that is not valid for its field.",
    "SPBE-SKEMA-004": "A file structure that is not known.",
    "SPBE-STR-001": "A relation that must not loop forms a cycle.",
    "SPBE-TEKS-001": "Text holds control characters (a line break or tab inside a name, too).",
    "SPBE-TEKS-002": "Text holds text-direction controls (bidi override, embedding, isolate).",
    "SPBE-TEKS-003": "Text holds invisible characters (zero-width space, direction mark, BOM).",
    "SPBE-YAML-001": "A YAML syntax error.",
    "SPBE-YAML-002": "A file that is not UTF-8 text.",
    "SPBE-YAML-003": "A file that starts with a UTF-8 BOM.",
    "SPBE-YAML-004": "A file with control characters or NUL bytes (a binary file).",
    "SPBE-YAML-005": "A duplicate key in one mapping.",
    "SPBE-YAML-006": "A YAML tag that could construct objects.",
    "SPBE-YAML-007": "An undefined YAML alias, or one that expands too far (an alias bomb).",
    "SPBE-YAML-008": "A structure nested too deeply.",
    "SPBE-YAML-009": "A file with more than one YAML document.",
    "SPBE-YAML-010": "A file or folder that cannot be read.",
    "SPBE-YAML-011": "A file or value that is too large.",
    "SPBE-YAML-012": "Symbolic links form a loop in the model folder.",
    "SPBE-YAML-013": "A symbolic link points outside the repository folder.",
}
"""Rule code → the English first line of its documentation."""
