"""Search-as-you-type over the FTS5 table ``household_search`` (inside the encrypted store).

The user's text is never interpolated into SQL or into FTS5 syntax: it is cut into
word tokens (letters and digits only), each token is written as an FTS5 string
(double-quoted, so ``AND``, ``NEAR`` or ``*`` typed by the user are plain words), and
the MATCH expression is passed as a bound parameter. Recognised shapes:

- dates ``12-03-2015``, ``12-3-2015``, ``12/3/2015``, ``2015-03-12`` → the phrase
  ``"12 03 2015"`` (the index holds birth dates as dd-mm-yyyy);
- digit groups typed with spaces or dots (``1234 56 782``, ``9712 ab``): a BSN typed in
  groups also matches the 9-digit token; a postcode matches with or without the space
  because the index holds both forms;
- the last token is a prefix (search-as-you-type) while the text ends in a letter, a
  digit or ``*``; a space or closing punctuation ends the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

_WORD_RE = re.compile(r"[^\W_]+")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_YMD_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_MAX_TOKENS = 12
_BSN_LEN = 9

_PROBE_SQL = text(
    "SELECT s.household_id, h.name FROM household_search AS s "
    "JOIN households AS h ON h.id = s.household_id "
    "WHERE household_search MATCH :query AND h.deleted = 0 LIMIT :limit"
)
_RANKED_SQL = text(
    "SELECT s.household_id FROM household_search AS s "
    "JOIN households AS h ON h.id = s.household_id "
    "WHERE household_search MATCH :query AND h.deleted = 0 "
    "ORDER BY s.rank, h.name LIMIT :limit"
)


@dataclass(frozen=True)
class _Term:
    """One query term: a single token, a date phrase, or a group of digit tokens."""

    tokens: tuple[str, ...]
    kind: str  # word | date | digits


def _quote(token: str) -> str:
    # Tokens hold letters and digits only; doubling quotes is still done for safety.
    return '"' + token.replace('"', '""') + '"'


def _date_phrase(day: int, month: int, year: int) -> tuple[str, ...] | None:
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return (f"{day:02d}", f"{month:02d}", f"{year:04d}")


def _terms(user_text: str) -> list[_Term]:
    terms: list[tuple[int, _Term]] = []

    def replace_dmy(match: re.Match[str]) -> str:
        phrase = _date_phrase(int(match[1]), int(match[2]), int(match[3]))
        if phrase is None:
            return match[0]
        terms.append((match.start(), _Term(phrase, "date")))
        return " " * len(match[0])

    def replace_ymd(match: re.Match[str]) -> str:
        phrase = _date_phrase(int(match[3]), int(match[2]), int(match[1]))
        if phrase is None:
            return match[0]
        terms.append((match.start(), _Term(phrase, "date")))
        return " " * len(match[0])

    rest = _DMY_RE.sub(replace_dmy, user_text)
    rest = _YMD_RE.sub(replace_ymd, rest)
    words = [(m.start(), m[0]) for m in _WORD_RE.finditer(rest)]
    # group consecutive digit-only words separated only by spaces/dots (BSN in groups)
    index = 0
    while index < len(words):
        start, word = words[index]
        if word.isdigit():
            group = [word]
            end = start + len(word)
            nxt = index + 1
            while nxt < len(words):
                n_start, n_word = words[nxt]
                gap = rest[end:n_start]
                if not n_word.isdigit() or gap.strip(" .") != "":
                    break
                if sum(len(g) for g in group) + len(n_word) > _BSN_LEN:
                    break
                group.append(n_word)
                end = n_start + len(n_word)
                nxt += 1
            if len(group) > 1:
                terms.append((start, _Term(tuple(group), "digits")))
                index = nxt
                continue
        terms.append((start, _Term((word,), "word")))
        index += 1
    terms.sort(key=lambda t: t[0])
    return [t for _, t in terms][:_MAX_TOKENS]


def build_match_query(user_text: str) -> str | None:
    """The FTS5 MATCH expression for free user text, or None when there is nothing to find."""
    if not isinstance(user_text, str):
        return None
    terms = _terms(user_text)
    if not terms:
        return None
    last = user_text.rstrip()[-1:] if user_text.rstrip().endswith("*") else user_text[-1:]
    prefix_last = last == "*" or (last.isalnum() and last != "_")
    parts: list[str] = []
    for position, term in enumerate(terms):
        prefix = " *" if prefix_last and position == len(terms) - 1 else ""
        if term.kind == "word":
            parts.append(_quote(term.tokens[0]) + prefix)
        elif term.kind == "date":
            parts.append(_quote(" ".join(term.tokens)) + prefix)
        else:  # digit groups: as separate words, or joined (a BSN typed in groups)
            separate = " AND ".join(_quote(t) for t in term.tokens) + prefix
            joined = _quote("".join(term.tokens)) + prefix
            parts.append(f"(({separate}) OR {joined})")
    return " AND ".join(parts)


def search_households(session: Session, text: str, *, limit: int = 500) -> list[str]:
    """Household ids matching ``text``, best first; tombstoned households never appear.

    Empty or punctuation-only text finds nothing (the caller shows its full list).
    When more than ``limit`` households match (one or two typed characters), ranking
    them all would cost more than a frame and mean little: the first ``limit`` found
    are returned sorted by name instead.
    """
    query = build_match_query(text)
    if query is None or limit <= 0:
        return []
    probe = session.execute(_PROBE_SQL, {"query": query, "limit": limit + 1}).all()
    if len(probe) > limit:
        return [row[0] for row in sorted(probe[:limit], key=lambda r: (r[1].casefold(), r[0]))]
    if len(probe) <= 1:
        return [row[0] for row in probe]
    rows = session.execute(_RANKED_SQL, {"query": query, "limit": limit})
    return [row[0] for row in rows]
