"""Date expressions in article text, normalised to ISO 8601 with a precision.

``find_dates`` finds the spans with its own compiled patterns (``dateparser.search``
is far slower and takes numbers such as "40 documents" or "2016-2020" for dates) and
does the calendar arithmetic itself. ``dateparser`` is only a fallback for date lines
in forms the patterns do not know.

Decisions (see the tests for each):

* Spans cover the date itself, not a leading preposition: in "on February 11" the
  span is "February 11". Qualifiers that change the meaning stay in ("last Saturday",
  "next year (2022)", "one day earlier").
* A bare year counts only after "in", "since", "of" or "during" ("in 2003"), and
  never when it starts a range ("in 2016-2020") or is followed by a plan word
  ("in 2025 Strategy") or a counted noun ("of 2000 people"). Year ranges count only
  with words: "from 1977 to 1980", "between 1977 and 1980".
* A bare month counts only after a preposition ("in May"), and month names must be
  capitalised ("May"/"MAY"), so the verb "may" is never a date.
* A day range within one month ("8-9 June 2017") has month precision, as the
  annotation guidelines date multi-day events; ``end_iso`` keeps the last day. A range
  over two months ("from June 30 to July 10") has the first day, and ``end_iso`` the
  last. Word connectors ("May 2 to 5") need a "from"/"between" before them; a dash is
  enough within a month, but across two months only when the first part has no year,
  so a lifespan "(August 20, 1920 – January 16, 1992)" stays two dates. Month ranges
  ("from July 1964 to December 1979") and year ranges have the first month or year,
  and ``end_iso`` the last.
* Numeric dates are day-first ("16/02/2022", "17.07.2020") unless only month-first
  is valid ("02/16/2022").
* A date without a year ("November 15", "in May") takes the anchor's year. A news
  report mostly looks back, so if that puts it more than 60 days after the anchor it
  moves to the year before, unless the sentence speaks of the future ("will",
  "is to", "scheduled", ...); a future sentence moves a date that falls more than 120
  days before the anchor to the next year. With no anchor, the year of an earlier
  explicit date in the same sentence is used; failing that the expression is dropped.
* "on Saturday" is the latest Saturday on or before the anchor (the first on or after
  it in a future sentence); "last Saturday" is strictly before, "next Saturday"
  strictly after.
* "one day earlier", "two days later", "the same day", "the previous day" count from
  the last day-precision date before them in the sentence, else from the anchor;
  "... ago" always from the anchor.
* Expressions that need an anchor (weekdays, "today", "last year") are dropped when
  the anchor is None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = ["DateValue", "find_dates", "parse_date_line"]

Precision = Literal["day", "month", "year"]

_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class DateValue:
    """An ISO 8601 date at day, month or year precision; ``end_iso`` ends a range."""

    iso: str  # "2022-02-11", "2022-05" or "2022"
    precision: Precision
    end_iso: str | None = None

    @property
    def xsd_datatype(self) -> str:
        """The XSD datatype IRI for ``iso``: xsd:date, xsd:gYearMonth or xsd:gYear."""
        return _XSD + {"day": "date", "month": "gYearMonth", "year": "gYear"}[self.precision]


# --- vocabulary -------------------------------------------------------------------

_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_NUM: dict[str, int] = {}
for _i, _name in enumerate(_MONTHS, 1):
    _MONTH_NUM[_name] = _i
    if _name != "may":
        _MONTH_NUM[_name[:3]] = _i
_MONTH_NUM["sept"] = 9

_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAY_NUM = {w: i for i, w in enumerate(_WEEKDAYS)}

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _cased(words: list[str], suffix: str = r"\b") -> str:
    # Title case or all capitals only: a lower-case "may" or "march" is a verb. One flat
    # alternation, so that the regex engine can skip ahead on its first letters.
    return "|".join(f"{c}{suffix}" for w in words for c in (w.capitalize(), w.upper()))


_ABBR = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
_FULL_MONTH = rf"(?:{_cased(_MONTHS)})"
_ABBR_MONTH = _cased(_ABBR, r"\b\.?")
_ANY_MONTH = rf"(?:{_cased(_MONTHS)}|{_ABBR_MONTH})"
_WEEKDAY = rf"(?:{_cased(_WEEKDAYS)})"


def _m(name: str) -> str:
    return rf"(?P<{name}>{_ANY_MONTH})"


def _d(name: str) -> str:
    # A day number, not part of a longer number, a time ("5:30") or a decimal.
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|[:.]\d|,\d{{3}}\b)"


def _y(name: str) -> str:
    # A four-digit year that does not start a span of years ("2016-2020", "2016-17"),
    # though a range of dates may follow it ("13 October 1923 – 10 June 2012").
    return rf"(?P<{name}>[12]\d{{3}})(?!\d|\s?[-–—/]\s?(?:\d{{4}}|\d\d)\b(?!\s+{_ANY_MONTH}))"


def _d_first(name: str) -> str:
    # A day that starts a match. The look-behinds come after its first digit (they
    # check the character before it): a pattern that opens with a look-behind cannot
    # skip ahead on its first character, and was three times slower.
    return rf"(?P<{name}>\d(?<![\w.,:/$€£]\d)(?<![A-Za-z]-\d)\d?)(?:st|nd|rd|th)?(?!\d|[:.]\d|,\d{{3}}\b)"


_WORD_CONN = r"(?P<conn>to|until|till|through|and)"
_RANGE_CONN = rf"(?:\s*[-–—]\s*|\s+{_WORD_CONN}\s+)"

# What may or must come just before a match. Patterns start with the date itself and
# their context is checked after a hit: an optional prefix would stop the regex engine
# from skipping ahead and made matching five times slower.
_WEEKDAY_BEFORE = re.compile(rf"{_WEEKDAY},?\s+\Z")
_FROM_BEFORE = re.compile(r"(?<![\w-])(?P<q>(?i:from|between))\s+\Z")
_YEAR_PREP_BEFORE = re.compile(r"(?<![\w-])(?i:in|since|of|during)\s+(?:(?i:early|mid|late)[\s-]+)?\Z")
_MONTH_PREP_BEFORE = re.compile(
    r"(?<![\w-])(?i:in|since|by|until|till|during|before|after|from|of)\s+(?:(?i:early|mid|late)[\s-]+)?\Z"
)
_WEEKDAY_PREP_BEFORE = re.compile(
    r"(?<![\w-])(?P<q>(?i:on|last|next|this|since|by|until|from|before|after))\s+\Z"
)

_QUALIFIER_BEFORE = re.compile(r"(?<![\w-])(?P<q>(?i:last|this|next))\s+\Z")
_COUNT_BEFORE = re.compile(
    r"(?<![\w-])(?P<n>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d{1,2})\s+\Z"
)
_THE_DAY_BEFORE = re.compile(r"(?<![\w-])(?i:the)\s+(?:(?P<k>same|previous|following|next)\s+)?\Z")

_Gate = Literal["digit", "month", "month_digit", "word"]


@dataclass(frozen=True)
class _Rule:
    kind: str
    rx: re.Pattern[str]
    gate: _Gate  # what the sentence must contain at all
    before: re.Pattern[str] | None = None  # context ending where the match starts
    before_required: bool = False
    extend: bool = False  # the context is part of the span ("Wednesday, February 9")
    word_start: bool = False  # the match must not continue a word


def _rule(kind: str, pattern: str, gate: _Gate, **kw: object) -> _Rule:
    return _Rule(kind, re.compile(pattern), gate, **kw)  # type: ignore[arg-type]


_RULES: list[_Rule] = [
    # 2022-02-11, 2022/02/11 (a time or "T10:00" may follow)
    _rule(
        "iso",
        r"(?P<y>[12](?<![\w./-][12])\d{3})(?P<sep>[-/.])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d|[-/.]\d)",
        "digit",
    ),
    # 16/02/2022, 17.07.2020, 30-10-2015
    _rule(
        "num",
        r"(?P<a>\d(?<![\w./-]\d)\d?)(?P<sep>[-/.])(?P<b>[01]?\d)(?P=sep)(?P<y>[12]\d{3})(?!\d|[-/.]\d)",
        "digit",
    ),
    # [Wednesday,] February 9[, 2022]
    _rule(
        "mdy",
        rf"{_m('m')}\s+{_d('d')}(?:,?\s+{_y('y')})?",
        "month_digit",
        before=_WEEKDAY_BEFORE,
        extend=True,
    ),
    # [Tuesday,] 18[,] [of] May[,] [2021]
    _rule(
        "dmy",
        rf"{_d_first('d')},?\s+(?:of\s+)?{_m('m')}(?:,?\s+{_y('y')})?",
        "month_digit",
        before=_WEEKDAY_BEFORE,
        extend=True,
    ),
    # May 2022, May, 2022
    _rule("my", rf"{_m('m')},?\s+{_y('y')}", "month_digit"),
    # [from] May 2 to 5[, 2022]; June 8-9, 2017
    _rule(
        "mdr",
        rf"{_m('m')}\s+{_d('d')}{_RANGE_CONN}{_d('d2')}(?:,?\s+{_y('y')})?",
        "month_digit",
        before=_FROM_BEFORE,
    ),
    # [from] 8-9 June 2017
    _rule(
        "dmr",
        rf"{_d_first('d')}{_RANGE_CONN}{_d('d2')},?\s+(?:of\s+)?{_m('m')}(?:,?\s+{_y('y')})?",
        "month_digit",
        before=_FROM_BEFORE,
    ),
    # [from] June 30 to July 10[, 2019]
    _rule(
        "mmr",
        rf"{_m('m')}\s+{_d('d')}(?:,?\s+{_y('y')})?{_RANGE_CONN}{_m('m2')}\s+{_d('d2')}(?:,?\s+{_y('y2')})?",
        "month_digit",
        before=_FROM_BEFORE,
    ),
    # [from] 30 June to 10 July[ 2019]
    _rule(
        "ddr",
        rf"{_d_first('d')}\s+(?:of\s+)?{_m('m')}(?:,?\s+{_y('y')})?{_RANGE_CONN}"
        rf"{_d('d2')}\s+(?:of\s+)?{_m('m2')}(?:,?\s+{_y('y2')})?",
        "month_digit",
        before=_FROM_BEFORE,
    ),
    # from February till May 2014, from July 1964 to December 1979, May–June 2022
    _rule(
        "mr",
        rf"{_m('m')}(?:,?\s+{_y('y')})?{_RANGE_CONN}{_m('m2')},?\s+{_y('y2')}",
        "month_digit",
        before=_FROM_BEFORE,
    ),
    # from 1977 to 1980, between 1977 and 1980
    _rule(
        "yr",
        rf"(?P<y>[12]\d{{3}})\s+{_WORD_CONN}\s+{_y('y2')}",
        "digit",
        before=_FROM_BEFORE,
        before_required=True,
    ),
    # in 2003, since 2016, of 2020 (see _BAD_AFTER_YEAR)
    _rule(
        "by",
        r"(?P<y>[12](?<![\w,.$-][12])\d{3})(?!\w|,\d|\.\d|\s?[-–—/]\s?\d)",
        "digit",
        before=_YEAR_PREP_BEFORE,
        before_required=True,
    ),
    # in May, since October, in mid-May
    _rule("bm", rf"(?P<m>{_FULL_MONTH})", "month", before=_MONTH_PREP_BEFORE, before_required=True),
    # on Saturday, last Saturday, next Monday
    _rule("wd", rf"(?P<w>{_WEEKDAY})", "word", before=_WEEKDAY_PREP_BEFORE, before_required=True),
    # today, Yesterday
    _rule(
        "rel",
        r"(?P<w>today|Today|TODAY|yesterday|Yesterday|YESTERDAY|tomorrow|Tomorrow|TOMORROW)\b",
        "word",
        word_start=True,
    ),
    # last year, this month, next year (2022)
    _rule(
        "rym",
        r"(?P<u>year|month)\b(?:\s*\((?P<y>[12]\d{3})\))?",
        "word",
        before=_QUALIFIER_BEFORE,
        before_required=True,
        extend=True,
    ),
    # one day earlier, two weeks later, a year ago
    _rule(
        "shift",
        r"(?P<u>days?|weeks?|months?|years?)\s+(?P<dir>earlier|later|ago|before|after)\b",
        "word",
        before=_COUNT_BEFORE,
        before_required=True,
        extend=True,
    ),
    # the same day, the previous day, the following day, the day before
    _rule(
        "sameday",
        r"day\b(?:\s+(?P<k2>before|after)\b)?",
        "word",
        before=_THE_DAY_BEFORE,
        before_required=True,
        extend=True,
    ),
]
_ORDER = {r.kind: i for i, r in enumerate(_RULES)}

_HAS_DIGIT = re.compile(r"\d")
_HAS_MONTH = re.compile(_ANY_MONTH)
# "day" also finds the weekdays, "today" and "yesterday".
_HAS_WORD = re.compile(r"day|DAY|week|WEEK|month|MONTH|year|YEAR|tomorrow|Tomorrow|TOMORROW")

# After a bare year: words that make it a name ("2025 Strategy") or a count ("of 2000 people").
_BAD_AFTER_YEAR = re.compile(
    r"\s*(?i:strategy|agenda|vision|programme|program|plan|goals|roadmap|road map|concept|declaration"
    r"|people|persons|delegates|participants|documents|items|members|employees|units|tons|tonnes"
    r"|km|kilometres|kilometers|dollars|euros|roubles|rubles|copies|cases|votes|seats|projects"
    r"|companies|countries|times|hectares)\b"
)
# "before"/"after" end a shift only when no noun follows ("two days after the summit").
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)!?]|$|(?:and|but|when|while|in|at|on|by)\b)")
# A year added after a date without one: "May 2 to 5, next year (2022)", "May 2 (2022)".
_TRAIL_YEAR = re.compile(
    r",?\s+(?P<q>(?i:next|this|last))\s+year\b(?:\s*\((?P<y>[12]\d{3})\))?|\s*\((?P<y2>[12]\d{3})\)"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|would|'ll|is to|are to|is due|are due|due to|going to|to be held|to take place"
    r"|scheduled|upcoming|forthcoming|expected to|next)\b",
    re.IGNORECASE,
)
_PAST_SLACK = 60  # days a yearless date may lie after the anchor and still be this year
_FUTURE_SLACK = 120  # days it may lie before the anchor in a future sentence


# --- resolution -------------------------------------------------------------------


def _month(token: str) -> int:
    return _MONTH_NUM[token.rstrip(".").lower()]


def _ymd(y: int, m: int, d: int) -> dt.date | None:
    if not 1000 <= y <= 2199:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


class _Context:
    """What resolving one sentence needs: the anchor, the tense, dates seen so far."""

    __slots__ = ("anchor", "sentence", "_future", "last_day", "year")

    def __init__(self, sentence: str, anchor: dt.date | None) -> None:
        self.sentence = sentence
        self.anchor = anchor
        self._future: bool | None = None
        self.last_day: dt.date | None = None  # the last day-precision date resolved
        self.year: int | None = None  # the last explicit year, used when there is no anchor

    @property
    def future(self) -> bool:
        if self._future is None:
            self._future = _FUTURE.search(self.sentence) is not None
        return self._future

    def year_for(self, first: tuple[int, int], last: tuple[int, int]) -> int | None:
        """The year for a yearless stretch from (month, day) ``first`` to ``last``."""
        if self.anchor is None:
            return self.year
        y = self.anchor.year
        start = _ymd(y, *first) or _ymd(y, first[0], 28)
        end = _ymd(y, *last) or _ymd(y, last[0], 28)
        assert start is not None and end is not None
        if (start - self.anchor).days > _PAST_SLACK and not self.future:
            return y - 1
        if self.future and (self.anchor - end).days > _FUTURE_SLACK:
            return y + 1
        return y


def _trail_year(m: re.Match[str] | None, ctx: _Context) -> int | None:
    if m is None:
        return None
    if m["y"] or m["y2"]:
        return int(m["y"] or m["y2"])
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"next": 1, "this": 0, "last": -1}[m["q"].lower()]


def _day(d: dt.date) -> DateValue:
    return DateValue(d.isoformat(), "day")


def _range(start: dt.date, end: dt.date) -> DateValue | None:
    if end < start:
        return None
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        # The guidelines date a multi-day event within one month by the month.
        return DateValue(f"{start.year:04d}-{start.month:02d}", "month", end.isoformat())
    return DateValue(start.isoformat(), "day", end.isoformat())


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _resolve(
    kind: str, m: re.Match[str], before: re.Match[str] | None, trail: re.Match[str] | None, ctx: _Context
) -> DateValue | None:
    g = m.groupdict()
    if kind == "iso":
        d = _ymd(int(g["y"]), int(g["mo"]), int(g["d"]))
        return _day(d) if d else None
    if kind == "num":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        d = _ymd(y, b, a) or _ymd(y, a, b)  # day-first unless only month-first is valid
        return _day(d) if d else None
    if kind in ("mdy", "dmy"):
        mo, day = _month(g["m"]), int(g["d"])
        y = int(g["y"]) if g["y"] else _trail_year(trail, ctx) or ctx.year_for((mo, day), (mo, day))
        d = _ymd(y, mo, day) if y else None
        return _day(d) if d else None
    if kind == "my":
        y = int(g["y"])
        return DateValue(f"{y:04d}-{_month(g['m']):02d}", "month") if 1000 <= y <= 2199 else None
    if kind in ("mdr", "dmr", "mmr", "ddr"):
        m1 = _month(g["m"])
        m2 = _month(g["m2"]) if g.get("m2") else m1
        d1, d2 = int(g["d"]), int(g["d2"])
        y_first, y_last = g["y"], g.get("y2")
        if y_first is None and y_last is None:
            y = _trail_year(trail, ctx) or ctx.year_for((m1, d1), (m2, d2))
            if y is None:
                return None
            y1 = y2 = y
        elif y_last is None:  # "8-9 June 2017", or "30 June 2019 to 10 July"
            y1 = y2 = int(y_first)
        else:
            y2 = int(y_last)
            y1 = int(y_first) if y_first else y2
        if (m2, d2) < (m1, d1) and y1 == y2:
            # "from December 28 to January 3": the range crosses a new year
            if y_last and not y_first:
                y1 -= 1
            else:
                y2 += 1
        start, end = _ymd(y1, m1, d1), _ymd(y2, m2, d2)
        return _range(start, end) if start and end else None
    if kind == "mr":
        m1, m2, y2 = _month(g["m"]), _month(g["m2"]), int(g["y2"])
        y1 = int(g["y"]) if g["y"] else (y2 - 1 if m1 > m2 else y2)
        if not (1000 <= y1 <= y2 <= 2199) or (y1, m1) >= (y2, m2):
            return None
        return DateValue(f"{y1:04d}-{m1:02d}", "month", f"{y2:04d}-{m2:02d}")
    if kind == "yr":
        y1, y2 = int(g["y"]), int(g["y2"])
        if not (1000 <= y1 < y2 <= 2199):
            return None
        return DateValue(f"{y1:04d}", "year", f"{y2:04d}")
    if kind == "by":
        y = int(g["y"])
        if not 1000 <= y <= 2199:
            return None
        return DateValue(f"{y:04d}", "year")
    if kind == "bm":
        mo = _month(g["m"])
        y = _trail_year(trail, ctx) or ctx.year_for((mo, 1), (mo, 28))
        return DateValue(f"{y:04d}-{mo:02d}", "month") if y else None
    if ctx.anchor is None:
        return _resolve_relative(kind, g, before, ctx) if kind in ("shift", "sameday") else None
    return _resolve_relative(kind, g, before, ctx)


def _resolve_relative(
    kind: str, g: dict[str, str], before: re.Match[str] | None, ctx: _Context
) -> DateValue | None:
    anchor = ctx.anchor
    if kind == "wd":
        assert anchor is not None
        target = _WEEKDAY_NUM[g["w"].lower()]
        assert before is not None
        q = before["q"].lower()
        back = (anchor.weekday() - target) % 7  # days back to the latest such weekday
        if q == "last":
            return _day(anchor - dt.timedelta(days=back or 7))
        if q == "next":
            return _day(anchor + dt.timedelta(days=(-back % 7) or 7))
        if ctx.future and q in ("on", "this", "by", "until", "before"):
            return _day(anchor + dt.timedelta(days=-back % 7))
        return _day(anchor - dt.timedelta(days=back))
    if kind == "rel":
        assert anchor is not None
        return _day(anchor + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[g["w"].lower()]))
    if kind == "rym":
        assert anchor is not None
        if g["y"]:
            y = int(g["y"])
            if g["u"] == "year":
                return DateValue(f"{y:04d}", "year")
        assert before is not None
        step = {"last": -1, "this": 0, "next": 1}[before["q"].lower()]
        if g["u"] == "year":
            return DateValue(f"{anchor.year + step:04d}", "year")
        d = _add_months(anchor, step)
        return DateValue(f"{d.year:04d}-{d.month:02d}", "month")
    if kind == "shift":
        base = anchor if g["dir"] == "ago" else (ctx.last_day or anchor)
        if base is None:
            return None
        assert before is not None
        n = _NUMBER_WORDS.get(before["n"].lower()) or int(before["n"])
        sign = 1 if g["dir"] in ("later", "after") else -1
        unit = g["u"].rstrip("s")
        if unit in ("day", "week"):
            return _day(base + dt.timedelta(days=sign * n * (7 if unit == "week" else 1)))
        if unit == "month":
            d = _add_months(base, sign * n)
            return DateValue(f"{d.year:04d}-{d.month:02d}", "month")
        return DateValue(f"{base.year + sign * n:04d}", "year")
    if kind == "sameday":
        if k2 := g["k2"]:
            k = "previous" if k2 == "before" else "following"
        else:
            assert before is not None
            k = before["k"].lower()
        base = ctx.last_day or anchor
        if base is None:
            return None
        return _day(base + dt.timedelta(days={"same": 0, "previous": -1, "following": 1, "next": 1}[k]))
    return None


_RANGES = frozenset({"mdr", "dmr", "mmr", "ddr", "mr", "yr"})
_YEARLESS = frozenset({"mdy", "dmy", "mdr", "dmr", "mmr", "ddr", "bm"})
_QUALIFIERS = frozenset({"last", "next", "this"})
# start, end, kind, match, the context before it, a year phrase after it
_Cand = tuple[int, int, str, re.Match[str], re.Match[str] | None, re.Match[str] | None]


def _well_formed(kind: str, m: re.Match[str], before: re.Match[str] | None, sentence: str) -> bool:
    """Checks on the match alone, made before overlapping candidates are weighed."""
    if kind in _RANGES:
        conn, frm = m["conn"], before["q"].lower() if before else None
        if conn and not frm:
            return False  # "May 2 to 5 delegates": word connectors need "from"/"between"
        if conn == "and" and frm != "between":
            return False
        if kind in ("mmr", "ddr", "mr") and not conn and m["y"]:
            return False  # "(August 20, 1920 – January 16, 1992)": two dates, not a range
        return True
    if kind == "by":
        return not _BAD_AFTER_YEAR.match(sentence, m.end())
    if kind == "sameday" and not (m["k2"] or before and before["k"]):
        return False  # "the day" alone
    if kind == "shift" and m["dir"] in ("before", "after") or kind == "sameday" and m["k2"]:
        # "two days after the summit": relative to something the text does not date
        return _CLAUSE_END.match(sentence, m.end()) is not None
    return True


def _gate(has: dict[str, bool], what: str, sentence: str) -> bool:
    got = has.get(what)
    if got is None:
        rx = {"digit": _HAS_DIGIT, "month": _HAS_MONTH, "word": _HAS_WORD}[what]
        got = has[what] = rx.search(sentence) is not None
    return got


def _candidates(sentence: str) -> list[_Cand]:
    has: dict[str, bool] = {}
    cands: list[_Cand] = []
    for rule in _RULES:
        gate = has.get(rule.gate)
        if gate is None:
            if rule.gate == "month_digit":
                gate = _gate(has, "digit", sentence) and _gate(has, "month", sentence)
            else:
                gate = _gate(has, rule.gate, sentence)
            has[rule.gate] = gate
        if not gate:
            continue
        kind = rule.kind
        for m in rule.rx.finditer(sentence):
            start, end = m.span()
            if rule.word_start and start and (sentence[start - 1].isalnum() or sentence[start - 1] in "-_"):
                continue
            before = None
            if rule.before is not None:
                before = rule.before.search(sentence, max(0, start - 24), start)
                if before is None and rule.before_required:
                    continue
            if not _well_formed(kind, m, before, sentence):
                continue
            if before is not None and (rule.extend or kind == "wd" and before["q"].lower() in _QUALIFIERS):
                start = before.start()
            trail = None
            gd = m.groupdict()
            if kind in _YEARLESS and not (gd.get("y") or gd.get("y2")):
                trail = _TRAIL_YEAR.match(sentence, end)
                if trail:
                    end = trail.end()
            cands.append((start, end, kind, m, before, trail))
    return cands


def find_dates(sentence: str, anchor: dt.date | None) -> list[tuple[int, int, DateValue]]:
    """Every date expression in ``sentence`` as ``(start, end, value)``, in text order.

    Dates without a year and relative ones ("on Saturday", "yesterday") are resolved
    against ``anchor``, the article's date; see the module docstring for the rules.
    """
    cands = _candidates(sentence)
    if not cands:
        return []
    # Longest first; on a tie the more specific rule, then the earlier start.
    cands.sort(key=lambda c: (c[0] - c[1], _ORDER[c[2]], c[0]))
    chosen: list[_Cand] = []
    for c in cands:
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])

    ctx = _Context(sentence, anchor)
    out: list[tuple[int, int, DateValue]] = []
    for start, end, kind, m, before, trail in chosen:
        value = _resolve(kind, m, before, trail, ctx)
        if value is None:
            continue
        out.append((start, end, value))
        if value.precision == "day":
            ctx.last_day = dt.date.fromisoformat(value.end_iso or value.iso)
        if kind in _EXPLICIT_YEAR and m.groupdict().get("y"):
            ctx.year = int((value.end_iso or value.iso)[:4])
    return out


_EXPLICIT_YEAR = frozenset({"iso", "num", "mdy", "dmy", "my", "mdr", "dmr", "mmr", "ddr", "mr", "yr", "by"})


# --- date lines -------------------------------------------------------------------

# Lower-case words a date line may carry besides the date ("updated at 13:03").
_DATE_LINE_WORDS = frozenset(
    "date dated updated update published posted modified last at on am pm a.m p.m gmt utc "
    "msk time local hrs".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’]*")


def _is_date_line_rest(rest: str) -> bool:
    words = _WORD.findall(rest)
    if len(words) > 6:
        return False
    return all(w[0].isupper() or w.lower().strip(".") in _DATE_LINE_WORDS for w in words)


def parse_date_line(line: str) -> dt.date | None:
    """The date of an article's date line ("16/02/2022 12:40", "Saturday, 2 October 2021").

    Returns None for a line that is not a date line: one too long, without a full
    day-month-year date, or with other words than a dateline's ("NUR-SULTAN. KAZINFORM
    date 2019-12-05" is a date line; "A memo was signed on 5 May 2019." is not).
    """
    line = line.strip()
    if not line or len(line) > 100 or not any(c.isdigit() for c in line):
        return None
    for start, end, value in find_dates(line, None):
        if value.precision == "day" and value.end_iso is None:
            if _is_date_line_rest(line[:start] + " " + line[end:]):
                return dt.date.fromisoformat(value.iso)
            return None
    return _dateparser_line(line)


_dateparser_cache: dict[str, Callable[..., dt.datetime | None]] = {}
_NAMES = re.compile(f"{_ANY_MONTH}|{_WEEKDAY}")


def _dateparser_line(line: str) -> dt.date | None:
    # Fallback for forms the patterns miss ("20 Sept. '21"); dateparser is slow to
    # import, so only short lines that look like a date line reach it.
    if len(line) > 40 or not _is_date_line_rest(_NAMES.sub(" ", line)):
        return None
    parse = _dateparser_cache.get("parse")
    if parse is None:
        import dateparser

        parse = _dateparser_cache["parse"] = dateparser.parse
    try:
        got = parse(
            line,
            languages=["en"],
            settings={
                "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DATES_FROM": "past",
                "DATE_ORDER": "DMY",  # as the patterns read "16/02/2022"
            },
        )
    except Exception:  # dateparser raises assorted errors on odd input; a non-date is None
        return None
    return got.date() if got else None
