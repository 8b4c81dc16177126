"""Bilingual usage errors: an exception that carries its message in Bahasa Indonesia and English.

``str(error)`` is the Indonesian message (the default language); :meth:`LocalizedError.text`
picks one by language, which is how the command line prints it under ``--lang en``.
"""

from __future__ import annotations


class LocalizedError(Exception):
    """An error with an Indonesian message and, optionally, its English text.

    >>> error = LocalizedError("berkas tidak ada", "file does not exist")
    >>> str(error), error.text("en")
    ('berkas tidak ada', 'file does not exist')
    """

    def __init__(self, message: str, message_en: str | None = None) -> None:
        super().__init__(message)
        self.message_en = message_en

    def text(self, lang: str = "id") -> str:
        """The message in ``lang`` (``id`` or ``en``; Indonesian when there is no English)."""
        if lang == "en" and self.message_en:
            return self.message_en
        return str(self)


def error_text(error: BaseException, lang: str = "id") -> str:
    """The message of any exception in ``lang``: :meth:`LocalizedError.text` when it has one.

    >>> error_text(ValueError("plain"), "en")
    'plain'
    """
    if isinstance(error, LocalizedError):
        return error.text(lang)
    return str(error)
