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


EXPLAIN_EN: dict[str, tuple[str, str]] = {
    "SPBE-APL-001": (
        "SPBE services are the output of application functions and the point where the "
        "architecture fits together (Perpres 132/2022, Domain Arsitektur); an application that "
        "serves nothing is a candidate for merging or retirement, or its services are not "
        "modelled yet.",
        "List the service ids the application delivers in its `layanan` field. Applications "
        "owned only by a BUMD are not checked.",
    ),
    "SPBE-APL-002": (
        "Applications are hosted on cloud computing or servers (Perpres 132/2022, Domain "
        "Arsitektur Infrastruktur); without this relation the impact of a server outage and "
        "a migration plan to the Pusat Data Nasional cannot be worked out.",
        "List the `server` or `komputasi_awan` ids the application runs on in its "
        "`infrastruktur` field; for a national Aplikasi Umum, point to the national cloud "
        "(e.g. PDN) modelled as an element.",
    ),
    "SPBE-APL-003": (
        "Data exchanged between applications of different owners goes through the SPLP "
        "and/or the service bus of the central agency or Pemda (Perpres 95/2018, integration "
        "of SPBE services); point-to-point links between OPDs are hard to secure and maintain.",
        "Fill `melalui` of the `integrasi` entry with the id of a `sistem_penghubung_layanan` "
        "(SPLP or the Pemda's service bus).",
    ),
    "SPBE-APL-004": (
        "Perpres 95/2018: the Aplikasi Umum set by the Minister of PANRB must be used by "
        "central agencies and Pemda, so a Pemda does not build a similar application; SE "
        "Menteri PANRB 18/2022 and Perpres 82/2023 ask agencies to adopt them instead of "
        "building new ones.",
        "Plan the migration to the Aplikasi Umum named in the message (a roadmap item "
        "retiring the application), or, if the match is wrong, describe the application's "
        "function more precisely or suppress the finding with `abaikan` and a reason.",
    ),
    "SPBE-APL-005": (
        "An Aplikasi Umum is a shared application set by the Minister of PANRB and used by "
        "every agency (Perpres 95/2018); an application an agency builds for its own needs is "
        "an Aplikasi Khusus, usually RAA.02.02, even when it serves the public (Perpres "
        "132/2022, annex: Referensi Arsitektur Aplikasi).",
        "Either reclassify the application under RAA.02 (Aplikasi Khusus), or write "
        "`asal: aplikasi_umum` and name the national application in `aplikasi_nasional`.",
    ),
    "SPBE-APL-006": (
        "Perpres 95/2018 requires the use of Aplikasi Umum, and SE Menteri PANRB 18/2022 and "
        "Perpres 82/2023 require integration with national applications; a misspelt name "
        "makes the national application map, SPBE-APL-005 and the integration report wrong.",
        "Write the application's name (or another known name) from the list of Aplikasi Umum "
        "and sector applications in `aplikasi_nasional`; the message suggests the closest one.",
    ),
    "SPBE-APL-007": (
        "The integration diagram and SPBE-APL-003 read both fields; records that contradict "
        "each other make the integration map (application, SPLP, JIP) wrong (Perpres 95/2018).",
        "Add the service bus named in `integrasi[].melalui` to the application's "
        "`sistem_penghubung` list, or correct whichever of the two is out of date.",
    ),
    "SPBE-ARS-001": (
        "Indicator 11 (Arsitektur SPBE) of Permenpan RB 59/2020, level 3, asks for a document "
        "that covers every reference and architecture domain.",
        "Model at least one element of the empty domain (or run `spbe-arch survey generate` "
        "to collect them from the OPDs).",
    ),
    "SPBE-ARS-002": (
        "Indicator 11, level 3, asks for an architecture that covers every reference model; "
        "an unclassified element does not appear on the map of national reference coverage.",
        "Write the element's reference code in `referensi` (`spbe-arch katalog` searches the "
        "catalogue by name).",
    ),
    "SPBE-CFG-001": (
        "A stale suppression hides a problem that will come back later.",
        "Remove the `abaikan` entry, or correct its rule code.",
    ),
    "SPBE-CFG-002": (
        "A mistyped rule code makes a setting silently ineffective.",
        "Use a code or name listed by `spbe-arch rules`; the message suggests the closest one.",
    ),
    "SPBE-DAT-001": (
        "Business processes are the parent of the data domain: the analyst template of the "
        "Data and Information domain (SIA-SPBE) rejects data without a business process; data "
        "no process produces has an unclear origin and update cycle.",
        "List the business processes that produce the data in its `proses_bisnis` field.",
    ),
    "SPBE-EVA-001": (
        "Evaluation results are announced each year by decree of the Minister of PANRB under "
        "the regime in force (Permenpan RB 5/2018, 59/2020, 8/2026); a history that does not "
        "match its regime's table is usually a copying mistake. The predicate thresholds come "
        "from secondary sources, hence a warning.",
        "Correct the year, `rezim` or `predikat` of the `riwayat_evaluasi` entry to match the "
        "announced result.",
    ),
    "SPBE-ID-001": (
        "A relation to a duplicated id is ambiguous (ids are unique per repository: "
        "docs/model.md).",
        "Give one of the two elements another id and update the relations that meant it.",
    ),
    "SPBE-ID-002": (
        "Ids are read by people and tools that ignore letter case (survey form validation, "
        "Excel lookups, OPD folder names on Windows and macOS), so two ids that differ only in "
        "case are as ambiguous as a duplicated id (SPBE-ID-001).",
        "Rename one of the two ids so that they differ in more than letter case.",
    ),
    "SPBE-KAT-001": (
        "Every architecture element is classified against the SPBE reference architecture "
        "(Perpres 132/2022; indicator 11 of Permenpan RB 59/2020, levels 3-4).",
        "Choose a code that exists in the pinned catalogue version; the message names the "
        "parent node and its existing children (`spbe-arch katalog CODE` shows them).",
    ),
    "SPBE-KAT-002": (
        "Each architecture domain is paired with its own reference architecture (Perpres "
        "132/2022, annex: Referensi Arsitektur).",
        "Use the catalogue of the element's domain: business process RAB, data RAD, service "
        "RAL, application RAA, infrastructure RAI, security RAK.",
    ),
    "SPBE-KAT-003": (
        "The SIA-SPBE analyst templates classify down to a leaf node (Level 3 for RAB/RAD/"
        "RAL; Perpres 132/2022, annex). A correct but coarse code is incomplete, not wrong, "
        "hence a warning.",
        "Refine the code to one of the children the message lists.",
    ),
    "SPBE-KAT-004": (
        "SIA-SPBE allows Levels 4-7 as local extensions below a national node; an extension "
        "below a node that does not exist, or beside an official child, breaks comparability.",
        "Put the local code below a national leaf node, or use the official child the "
        "catalogue already has at that place.",
    ),
    "SPBE-KAT-005": (
        "The reference architecture is versioned per architecture period; a withdrawn node is "
        "no longer a valid classification (Perpres 132/2022, annex: Referensi Arsitektur).",
        "Pin a catalogue version in force in `spbe.yaml` (`katalog:`) and move the element to "
        "the replacement node the message names.",
    ),
    "SPBE-KAT-006": (
        "The official annexes for RAI/RAK of Perpres 132/2022 are not public yet (see "
        "docs/model.md); the data states its uncertainty instead of inventing codes.",
        "Nothing now; refine the classification when the complete catalogue is published.",
    ),
    "SPBE-KAT-007": (
        "The analyst template of the Service domain fills the government affair with an RAB "
        "Level 2 code (SIA-SPBE; Perpres 132/2022, annex: Referensi Arsitektur Proses Bisnis).",
        "Write an existing RAB Level 2 code in `urusan` (e.g. `RAB.04.01` for health).",
    ),
    "SPBE-KAT-008": (
        "A code and name that do not match is the most frequent mistake in the analyst "
        "templates (the right name, the code of the next row); a wrong classification makes "
        "the national reference coverage (indicator 11) wrong.",
        "Check which of the two is meant and correct the code or the name.",
    ),
    "SPBE-KEA-001": (
        "The SPBE security domain protects data, applications and infrastructure; each of "
        "them is covered by a security programme (Perpres 95/2018, Keamanan SPBE; Perpres "
        "132/2022, annex: Referensi Arsitektur Keamanan).",
        "Name the element in a security programme's `melindungi`, or list its domain in a "
        "programme's `cakupan_domain`.",
    ),
    "SPBE-KEA-002": (
        "Special-purpose applications get a security audit every 2 years (SIA-SPBE guidance "
        "from a secondary source; the regulation is not confirmed, possibly Peraturan BSSN "
        "8/2024).",
        "Record an `audit_keamanan` with `tanggal_kegiatan` within the last 2 years that names "
        "the application in `melindungi` or covers `aplikasi` in `cakupan_domain`.",
    ),
    "SPBE-KEA-003": (
        "Security programmes protect data, applications and infrastructure (Perpres 95/2018); "
        "a programme that covers nothing closes no gap for SPBE-KEA-001 and SPBE-KEA-002, and "
        "usually means its coverage was not recorded.",
        "Fill `melindungi` (ids of data, applications or infrastructure) or `cakupan_domain`.",
    ),
    "SPBE-LAY-001": (
        "The three fields are required by the Service domain analyst template (SIA-SPBE, "
        "service metadata); without target and method a service cannot be mapped to G2C/G2B/"
        "G2E/G2G, nor is it known whether it is digitalised.",
        "Fill `tujuan`, `target_layanan` and `metode_layanan` of the service.",
    ),
    "SPBE-LAY-002": (
        "The Service domain analyst template rejects a risk without mitigation (SIA-SPBE; "
        "Permenpan RB 5/2020 on SPBE risk management); a known risk left untreated is a "
        "recorded gap.",
        "Write the `mitigasi` of the service's `potensi_risiko`.",
    ),
    "SPBE-LAY-003": (
        "An SPBE service is the embodiment of a business process (Perpres 132/2022); a "
        "service not linked to a process cannot be traced to strategic goals. The requirement "
        "is inferred, not written in a regulation, hence a warning.",
        "List the business processes the service realises in its `proses_bisnis` field.",
    ),
    "SPBE-LAY-004": (
        "SPBE services are the output of application functions (Perpres 132/2022); a service "
        "declared digital that no application delivers points to an application not yet "
        "modelled or a wrong method. The requirement is inferred.",
        "Name the service in the `layanan` field of the application that delivers it, or "
        "correct `metode_layanan`.",
    ),
    "SPBE-OPD-001": (
        "An OPD reference must be in the Pemda's list of Perangkat Daerah (Perkada SOTK, PP "
        "18/2016); ownership decides who updates the data.",
        "Use the id of a `perangkat_daerah` (the message suggests the closest one, or the "
        "parent OPD of a work unit), or `pemda` for the whole Pemda.",
    ),
    "SPBE-OPD-002": (
        "Without an owner nobody is responsible for updating the element, and the survey does "
        "not know which OPD's form it belongs to (Perpres 95/2018 places SPBE responsibility "
        "on the head of the agency).",
        "Write `opd` on the element, or an `opd:` key at the top of its file (one folder per "
        "OPD is the recommended layout); several OPDs or `pemda` are allowed.",
    ),
    "SPBE-OPD-003": (
        "The Business Process domain analyst template records the work unit as the owner "
        "(SIA-SPBE); a work unit and OPD that do not match make ownership and the per-OPD "
        "survey forms wrong.",
        "Point `unit_kerja` to a unit of the owner OPD, correct the owner, or split a "
        "cross-OPD process per OPD.",
    ),
    "SPBE-OPD-004": (
        "A kelurahan is part of a kecamatan (PP 17/2018) and a UPTD is a unit of an agency "
        "(Permendagri 12/2017): a wrong hierarchy puts elements under the wrong unit in "
        "diagrams and forms.",
        "Point `induk` to an existing OPD of the right kind, without a loop.",
    ),
    "SPBE-OPD-005": (
        "Each OPD owns its folder of the model repository (and its CODEOWNERS entry): an "
        "element written in another OPD's folder is reviewed by the wrong people and is missed "
        "by the owner's survey and review (docs/review.md).",
        "Move the element into its owner's folder, or correct its `opd`.",
    ),
    "SPBE-REF-001": (
        "A broken relation makes the architecture graph wrong: impact analysis, diagrams and "
        "completeness checks can no longer be trusted (Perpres 95/2018 Article 1; Perpres "
        "132/2022).",
        "Correct the id (the message suggests the closest existing one) or add the missing "
        "element.",
    ),
    "SPBE-REF-002": (
        "A relation of the wrong kind (an application running on a service) lets completeness "
        "checks pass when the real relation is missing.",
        "Use an id of a kind the relation table in docs/model.md allows; the message names "
        "the allowed kinds and the closest id of the right kind.",
    ),
    "SPBE-RMP-001": (
        "The SPBE roadmap is built from the as-is to to-be gap analysis per domain (Perpres "
        "95/2018); a change without a roadmap item is neither planned nor funded (inferred).",
        "Name the element in `elemen_baru`, `elemen_diubah` or `elemen_dihentikan` of the "
        "roadmap item that delivers the change.",
    ),
    "SPBE-RMP-002": (
        "Roadmap items close the as-is to to-be gap (Perpres 95/2018; evaluation indicators of "
        "Permenpan RB 59/2020 and 8/2026); an item that points at nothing cannot be traced to "
        "the architecture or the index.",
        "Name the elements the item introduces, changes or retires, or (for governance, "
        "management and ICT audit items) the evaluation `indikator` it improves.",
    ),
    "SPBE-RMP-003": (
        "The SPBE roadmap spans five years, in line with the architecture period and the "
        "RPJMD (Perpres 95/2018; inferred); an item outside the period belongs to another "
        "period's document.",
        "Move `tahun_mulai`/`tahun_selesai` inside `periode` in `spbe.yaml`.",
    ),
    "SPBE-RMP-004": (
        "Yearly indicative targets and budgets are the basis of work plans and budgets "
        "(indicator 12, level 4); a year outside the item's years is usually a typo, or a "
        "sign that `tahun_selesai` must be extended.",
        "Correct the year key, or extend the item's `tahun_selesai`.",
    ),
    "SPBE-RMP-005": (
        "Indicators 2 and 12 of Permenpan RB 59/2020, level 3, ask for a roadmap that covers "
        "all seven content areas.",
        "Add at least one roadmap item for each muatan the message lists.",
    ),
    "SPBE-RMP-006": (
        "Indicator 12 of Permenpan RB 59/2020, level 4, asks for a roadmap applied "
        "consistently in work plans and budgets; an item without a sub-activity code cannot be "
        "traced to the RKPD/APBD.",
        "Write the funding sub-activity code (Permendagri 90/2019) for that year in "
        "`pendanaan`, or in `sub_kegiatan` for every year.",
    ),
    "SPBE-RMP-007": (
        "The Permendagri 90/2019 nomenclature is hierarchical (programme `2.16.03`, activity "
        "`2.16.03.2.02`, sub-activity `2.16.03.2.02.01`); codes out of hierarchy are usually "
        "copied wrongly from the DPA/SIPD.",
        "Correct the code so that it starts with the code of its programme or activity.",
    ),
    "SPBE-RMP-008": (
        "Roadmap items improve evaluation indicators (Permenpan RB 59/2020, 8/2026); a wrong "
        "reference makes the self-assessment and the trace to the index wrong.",
        "Write `REGIME:NUMBER` with an existing indicator of a regime in force by the item's "
        "last year (e.g. `59/2020:11`, `8/2026:5`).",
    ),
    "SPBE-RMP-009": (
        "The Pemda's SPBE architecture and roadmap span five years and are reviewed "
        "periodically (Perpres 95/2018).",
        "Set `periode` in `spbe.yaml` to five years (e.g. `mulai: 2025`, `selesai: 2029`).",
    ),
    "SPBE-RMP-010": (
        "The SPBE roadmap follows the RPJMD (Perpres 95/2018); a shifted period leaves items "
        "and budgets out of line with the regional planning documents.",
        "Make `periode` and `rpjmd` in `spbe.yaml` cover the same years.",
    ),
    "SPBE-RMP-011": (
        "An element's years define the architecture of each year (gap analysis, `spbe-arch "
        "render --year`); an item introducing an element that already exists, or that only "
        "exists after the item ends, contradicts the architecture.",
        "Correct the element's `tahun_mulai`/`tahun_selesai` or `status`, or the item's years.",
    ),
    "SPBE-RMP-012": (
        "The self-assessment and the index use the regime in force in the evaluation year; an "
        "item that only refers to an old regime does not show in the new regime's assessment.",
        "Add the matching indicator of the regime now in force (a follow-up of an old "
        "evaluation may keep its old reference).",
    ),
    "SPBE-SKEMA-001": (
        "Incomplete data cannot be assessed.",
        "Add the required field the message names (docs/model.md lists every field).",
    ),
    "SPBE-SKEMA-002": (
        "A typo that is silently ignored is the most common complaint about YAML-based tools.",
        "Correct the key; the message suggests the closest known key.",
    ),
    "SPBE-SKEMA-003": (
        "A value outside the official choices cannot be mapped to the analyst templates.",
        "Write a value of the type, choices or pattern the message names.",
    ),
    "SPBE-SKEMA-004": (
        "A mistyped section would be ignored entirely.",
        "Make the file a mapping of known sections (`proses_bisnis`, `data`, `layanan`, "
        "`aplikasi`, `infrastruktur`, `keamanan`, `peta_rencana`, `perangkat_daerah`), each "
        "holding a list.",
    ),
    "SPBE-STR-001": (
        "A server running on itself, or a business process that is its own parent, makes "
        "impact analysis and the business process map (Permenpan RB 19/2018) meaningless.",
        "Break the cycle the message lists by correcting one `host` or `induk`.",
    ),
    "SPBE-TEKS-001": (
        "No name holds control characters on purpose: Graphviz refuses them, terminals run "
        "them as commands, and a line break forges report lines (docs/security.md).",
        'Remove the escaped control character (`"\\x1b"`, `"\\n"` …) from the text.',
    ),
    "SPBE-TEKS-002": (
        'With these characters a name shows differently from its content ("Trojan Source", '
        "CVE-2021-42574), so reviewers, diagrams and forms show something other than what is "
        "stored.",
        "Remove the text-direction control from the value.",
    ),
    "SPBE-TEKS-003": (
        "Two names that look the same but differ by an invisible character escape name "
        "matching (against the Aplikasi Umum list, for instance) and search.",
        "Retype the value, or remove the invisible character (usually pasted from a web page).",
    ),
    "SPBE-YAML-001": (
        "A file that cannot be read is not loaded; the other files are still loaded and checked.",
        "Fix the syntax at the line and column given (an unclosed bracket or quote is "
        "reported where it opens).",
    ),
    "SPBE-YAML-002": (
        "A file that cannot be read is not loaded; the other files are still loaded and checked.",
        "Save the file as UTF-8 (not Latin-1, Windows-1252 or UTF-16).",
    ),
    "SPBE-YAML-003": (
        "A BOM is not needed in UTF-8 and disturbs some tools; the file is still loaded.",
        "Save the file as UTF-8 without a BOM.",
    ),
    "SPBE-YAML-004": (
        "A file that cannot be read is not loaded; the other files are still loaded and checked.",
        "Remove the control characters (only tab, line feed and carriage return are allowed), "
        "or move the binary file out of the model folder.",
    ),
    "SPBE-YAML-005": (
        "Plain YAML silently keeps the last value, so data is lost without notice.",
        "Keep one of the two keys (the message names both lines).",
    ),
    "SPBE-YAML-006": (
        "Security: files from many parties must never run code.",
        "Remove the tag; write the value as plain YAML.",
    ),
    "SPBE-YAML-007": (
        'An alias bomb ("billion laughs") can exhaust a CI machine\'s memory.',
        "Define the anchor before the alias, or write the values out instead of aliasing.",
    ),
    "SPBE-YAML-008": (
        "Prevents a stack overflow on a broken or hostile file; a normal model file is about "
        "six levels deep.",
        "Flatten the structure (at most 64 levels).",
    ),
    "SPBE-YAML-009": (
        "An extra document would be silently ignored.",
        "Move the second document (after `---`) into a file of its own.",
    ),
    "SPBE-YAML-010": (
        "A file that cannot be read is not loaded; the other files are still loaded and checked.",
        "Fix the file's permissions, the broken link, or restore the missing file.",
    ),
    "SPBE-YAML-011": (
        "Keeps the time and memory of a check bounded.",
        "Split the file (at most 32 MiB) or shorten the value (at most 1,000,000 characters).",
    ),
    "SPBE-YAML-012": (
        "Prevents loading without end.",
        "Remove the link that points back to a parent folder.",
    ),
    "SPBE-YAML-013": (
        "A repository checked in CI on a pull request is controlled by its author: a link to "
        "`/etc/passwd` or a CI secret must never be read or quoted (docs/security.md).",
        "Replace the link with the file itself, or a link that stays inside the repository.",
    ),
}
"""Rule code → (why the rule exists, what to do about a finding), in English, for
``spbe-arch explain CODE --lang en``; the Indonesian text is the rule's docstring."""
