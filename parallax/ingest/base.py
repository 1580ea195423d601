"""Reading bytes safely: size limits, binary sniffing, encodings, and the record field names."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from pathlib import Path

from parallax.errors import BinaryInput, EmptyInput, EncodingProblem, TooLargeInput, UnreadableInput

LOGGER = logging.getLogger(__name__)

# Magic numbers of formats people drop into a folder of articles by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x7fELF", "a program"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
FIX_FORMATS = "pass .txt, .html, .json/.jsonl, .csv or RSS/Atom files"


def read_bytes(path: Path, source: str, limit_mb: float) -> bytes:
    """The file's bytes, refusing what is too big before reading it."""
    try:
        size = path.stat().st_size
        if size > limit_mb * 1_000_000:
            raise TooLargeInput(
                source,
                f"{size / 1_000_000:.1f} MB is over the {limit_mb:g} MB limit for this kind of file; "
                "check it is an article, or raise the limit with --max-article-mb",
            )
        return path.read_bytes()
    except PermissionError:
        raise UnreadableInput(source, "permission denied; check the file's permissions") from None
    except FileNotFoundError:
        raise UnreadableInput(source, "no such file or folder; check the path") from None
    except IsADirectoryError:
        raise UnreadableInput(source, "is a folder where a file was expected") from None
    except OSError as exc:
        raise UnreadableInput(source, f"cannot be read ({exc.strerror}); check the disk") from None


GZIP_MAGIC = b"\x1f\x8b"


def gunzip(data: bytes, source: str, limit_mb: float) -> bytes:
    """The contents of gzipped ``data``, refusing more than ``limit_mb`` of them (read in pieces, so a
    small archive of a huge file is refused before it fills the memory)."""
    import gzip
    import io
    import zlib

    limit = int(limit_mb * 1_000_000)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as archive:
            out = archive.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableInput(
            source, f"is a damaged gzip archive ({exc}); unpack it again or pass the file unpacked"
        ) from None
    if len(out) > limit:
        raise TooLargeInput(
            source,
            f"unpacks to over the {limit_mb:g} MB limit for this kind of file; check it is an "
            "article, or raise the limit with --max-article-mb",
        )
    return out


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else the detected legacy encoding."""
    if not data.strip():
        raise EmptyInput(source, "empty file; nothing to read (remove it from the input)")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(source, f"is {kind}, not text; {FIX_FORMATS}")
    text = _decode_text(data, source)
    # a few stray control characters happen in scraped text; many mean it is not text at all
    if len(_CONTROL.findall(text[:20000])) > 50:
        raise BinaryInput(
            source, f"holds binary data (control characters), not text; {FIX_FORMATS}"
        )
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise EmptyInput(
            source, "holds only whitespace; nothing to read (remove it from the input)"
        )
    return text


def _decode_text(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data[:8192])
        if utf16 is None:
            raise BinaryInput(
                source,
                "holds binary data (NUL bytes), not UTF-8 or UTF-16 text; if it is text, "
                "re-save it as UTF-8",
            )
        LOGGER.warning(
            "%s: UTF-16 without a byte-order mark; read it as %s (re-save as UTF-8 to be sure)",
            source,
            utf16.upper(),
        )
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, source, exc)


UTF16_NUL_SHARE = (
    0.8  # of one parity's bytes: a Latin letter's high byte; binary data's NULs fall anywhere
)
UTF16_STRAY_NUL_SHARE = (
    0.05  # of the other parity's: a low byte of 0 is a rare letter (U+0100, U+2000)
)


def _utf16_without_bom(sample: bytes) -> str | None:
    """The UTF-16 byte order of text saved without a byte-order mark (Windows tools write it), told by
    its NULs: in English text every other byte is the NUL high byte of a Latin letter, the odd
    ones in little-endian order, the even ones in big-endian; None when the NULs fall otherwise."""
    even, odd = sample[0::2], sample[1::2]
    for zeros, letters, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (
            zeros
            and zeros.count(0) >= UTF16_NUL_SHARE * len(zeros)
            and letters.count(0) <= UTF16_STRAY_NUL_SHARE * len(letters)
        ):
            return encoding
    return None


def _decode_legacy(data: bytes, source: str, exc: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    # Windows-1252 is by far the commonest legacy encoding of English web text, and single-byte
    # detection cannot tell it from its Central European sibling cp1250 ("très" read as "trčs").
    try:
        text = data.decode("cp1252")
        if _CONTROL.search(text) is None:
            LOGGER.warning(
                "%s: not UTF-8; read it as Windows-1252 (re-save as UTF-8 to be sure)", source
            )
            return text
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    # chaos is charset-normalizer's measure of mojibake; above 0.1 the "text" is not text in any encoding
    if best is None or best.encoding is None or best.chaos > 0.1:
        raise EncodingProblem(
            source,
            f"is not UTF-8 (bad byte at offset {exc.start}) and fits no other text encoding; "
            "re-save it as UTF-8",
        )
    LOGGER.warning(
        "%s: not UTF-8; read it as %s (re-save as UTF-8 to be sure)", source, best.encoding
    )
    return str(best)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def iso_date(value: object) -> str | None:
    """A date given in a record (ISO string, RFC 822 string, datetime) as YYYY-MM-DD, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed else None
