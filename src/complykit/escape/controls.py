"""Characters a terminal or log viewer would act on, or hide, shown as visible escapes instead.

Untrusted text may carry escape sequences (CSI colours, OSC 8 links, OSC 52 clipboard writes,
screen clears), other C0 and C1 controls, bidirectional overrides that reorder what a reviewer
reads (Trojan Source), invisible format characters, line and paragraph separators, and lone
surrogates (undecodable file-name bytes). Each such character becomes ``\\xNN``, ``\\uNNNN`` or
``\\UNNNNNNNN``, so the text shows what it holds and nothing acts on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Unicode categories Cc, Cs, Zl, Zp and Cf (Unicode 15), minus the characters that do no harm
# and that real text needs: tab, soft hyphen (U+00AD) and the zero-width (non-)joiners that
# Persian, Indic scripts and emoji sequences rely on. tests/unit/escape checks this list
# against unicodedata.
_C0_C1 = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1 (0x9b: 8-bit CSI)
_OTHER_RANGES = (
    "\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"  # bidi marks and overrides
    "\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[\n{_C0_C1}{_OTHER_RANGES}]")
_UNSAFE_KEEP_NEWLINE = re.compile(f"[{_C0_C1}{_OTHER_RANGES}]")
# The ASCII characters neither pattern escapes (with the newline, for keep_newlines).
_SAFE_ASCII = bytes([0x09, *range(0x20, 0x7F)])
_SAFE_ASCII_AND_NEWLINE = _SAFE_ASCII + b"\n"
# From this length, searching only the rare characters pays for encoding the text once.
_SIFT_FROM = 4096


_NAMED = {"\n": "\\n", "\r": "\\r"}


def escape_char(char: str) -> str:
    """``\\n``, ``\\x1b``, ``\\u202e`` or ``\\U000e0041``: the code point, spelled out."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with every unsafe character escaped; newlines stay when ``keep_newlines``."""
    pattern = _UNSAFE_KEEP_NEWLINE if keep_newlines else _UNSAFE
    if len(text) >= _SIFT_FROM and not _found_in_rare(text, keep_newlines=keep_newlines):
        return text
    return pattern.sub(lambda match: escape_char(match.group()), text)


def _found_in_rare(text: str, *, keep_newlines: bool) -> bool:
    """Whether ``text`` holds a character ``visible`` escapes, judged on its rare characters.

    A report page is tens of megabytes of mostly ASCII, and the regular expression looked at
    every character (0.7 s for an audit pack). UTF-8 spells each character outside ASCII with
    bytes outside ASCII only, so deleting the safe ASCII bytes leaves exactly the other
    characters, in order and still valid UTF-8 ("surrogatepass" keeps lone surrogates); those
    few are searched with the same pattern.
    """
    safe = _SAFE_ASCII_AND_NEWLINE if keep_newlines else _SAFE_ASCII
    rare = text.encode("utf-8", "surrogatepass").translate(None, safe)
    pattern = _UNSAFE_KEEP_NEWLINE if keep_newlines else _UNSAFE
    return pattern.search(rare.decode("utf-8", "surrogatepass")) is not None


def unsafe_chars(text: str, replace: Callable[[str], str]) -> str:
    """``text`` with each unsafe character but the newline replaced by ``replace(char)``."""
    return _UNSAFE_KEEP_NEWLINE.sub(lambda match: replace(match.group()), text)


def is_unsafe(char: str) -> bool:
    """Whether ``visible`` escapes ``char`` (a newline counts as unsafe)."""
    return _UNSAFE.fullmatch(char) is not None
