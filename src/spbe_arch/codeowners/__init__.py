"""``spbe_arch.codeowners``: a CODEOWNERS file from the OPD folders and ``pemilik_berkas``.

Each OPD owns the folder of the file that declares it (:func:`opd_folders`); ``pemilik_berkas``
in ``spbe.yaml`` names its reviewers. GitHub and GitLab read the same pattern syntax; GitLab
may group the rules in sections. See docs/review.md.
"""

from __future__ import annotations

from spbe_arch.codeowners.folders import inside, opd_folders, relative_file
from spbe_arch.codeowners.write import Codeowners, build, render

__all__ = ["Codeowners", "build", "inside", "opd_folders", "relative_file", "render"]
