"""Type stubs of the herodotus extension module (Rust, PyO3)."""

import datetime
import os
from typing import IO, Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

__version__: str

_Date = Union[str, datetime.date, None]
_Article = Union[str, Dict[str, Any]]
# ('coded', date, article_json, [event_json], [quote_json]) or ('skipped', reason, message)
_WarcItem = Union[
    Tuple[str, Optional[str], str, List[str], List[str]],
    Tuple[str, str, str],
]

class Pipeline:
    """Dictionaries loaded once; extraction, coding, enrichment. Thread-safe, picklable."""

    def __init__(
        self,
        dicts: Union[str, os.PathLike, None] = None,
        petrarch_dicts: Union[str, os.PathLike, None] = None,
    ) -> None: ...
    @property
    def dicts(self) -> Optional[str]: ...
    @property
    def petrarch_dicts(self) -> Optional[str]: ...
    def code(
        self, text: str, date: _Date = None, id: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """Events of one text, each a dict with the `herodotus code` JSONL fields."""
    def code_many(
        self,
        articles: Iterable[_Article],
        threads: Optional[int] = None,
        date: _Date = None,
    ) -> List[Dict[str, Any]]:
        """Events of many articles (dicts in the JSONL shape, or str), in input order."""
    def extract(
        self, html: bytes, url: Optional[str] = None, id: Optional[str] = None
    ) -> Dict[str, Any]:
        """Main text and metadata of an HTML page, as an article dict."""
    def quotes(self, text: str, id: Optional[str] = None) -> List[Dict[str, Any]]:
        """Quotations and reported speech with their speakers."""
    def warc(
        self,
        source: Union[str, os.PathLike, IO[bytes]],
        name: Optional[str] = None,
        max_page_bytes: Optional[int] = None,
    ) -> "WarcStream":
        """A WARC file streamed record by record; see WarcStream."""
    def to_arrow(self, rows: Iterable[Dict[str, Any]]) -> Any:
        """Rows as a pyarrow.Table (needs pyarrow)."""
    def __reduce__(self) -> Tuple[Any, Tuple[Optional[str], Optional[str]]]: ...

class WarcStream(Iterator[_WarcItem]):
    """One tuple per WARC record holding a page: coded, or skipped with a reason."""

    def __iter__(self) -> "WarcStream": ...
    def __next__(self) -> _WarcItem: ...
    def skips(self) -> Dict[str, int]:
        """Records passed over without a page: not_response, not_html, not_ok."""
