"""Type hints of the Rust extension (python/src/lib.rs); use the wrappers in ``dateline``."""

from typing import Iterator, List, Optional, Sequence, Union

__version__: str

def extract_json(
    input: Union[str, bytes],
    id: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[str] = None,
    language: Optional[str] = None,
    title: Optional[str] = None,
    format: Optional[str] = None,
    origin: Optional[str] = None,
    no_text: bool = False,
) -> str: ...
def extract_jsonl(
    lines: Sequence[str], origin: str = "-", threads: Optional[int] = None, no_text: bool = False
) -> List[str]: ...
def extract_columns(
    ids: Optional[Sequence[Optional[str]]],
    texts: Optional[Sequence[Optional[str]]],
    htmls: Optional[Sequence[Optional[str]]],
    urls: Optional[Sequence[Optional[str]]] = None,
    published: Optional[Sequence[Optional[str]]] = None,
    languages: Optional[Sequence[Optional[str]]] = None,
    titles: Optional[Sequence[Optional[str]]] = None,
    origin: str = "table",
    threads: Optional[int] = None,
    no_text: bool = False,
) -> List[str]: ...

class PathReader:
    def __init__(
        self,
        paths: Sequence[str],
        format: Optional[str] = None,
        batch_docs: int = 256,
        threads: Optional[int] = None,
        no_text: bool = False,
    ) -> None: ...
    def __iter__(self) -> Iterator[List[str]]: ...
    def __next__(self) -> List[str]: ...
    @property
    def skipped_records(self) -> int: ...
