"""Every error parallax raises on purpose.

::

    ParallaxError                  catch this to catch them all
    ├── InputError                 one input could not be used; the batch goes on
    │   ├── UnreadableInput        missing, a folder of nothing, no permission
    │   ├── EmptyInput             empty file, or no article text left after cleaning
    │   ├── BinaryInput            not text (PDF, image, archive, ...)
    │   ├── EncodingProblem        bytes that are no known text encoding
    │   ├── TooLargeInput          over the size limit for its format
    │   ├── MalformedInput         broken JSON line, CSV, RSS/Atom or HTML with no article in it
    │   └── NotEnglish             parallax reads English articles only
    ├── StoreError                 the SQLite store cannot be opened or written
    └── ModelUnavailable           a model package is missing; says what to install

Messages say what was expected, what was found and how to fix it. The source (file name) is not part
of the message: :class:`InputError` carries it separately so the CLI prints ``source: message``.
"""

from __future__ import annotations


class ParallaxError(Exception):
    """Base class of parallax's own errors."""


class InputError(ParallaxError):
    """One input (a file, a record, a feed item) could not be used."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class UnreadableInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingProblem(InputError):
    pass


class TooLargeInput(InputError):
    pass


class MalformedInput(InputError):
    pass


class NotEnglish(InputError):
    pass


class StoreError(ParallaxError):
    pass


class ModelUnavailable(ParallaxError):
    pass
