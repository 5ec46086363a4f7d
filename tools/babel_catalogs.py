"""A Babel extractor for posttui's catalogs: `Catalog("name", en={key: text})`.

posttui's English lives in the code as dict entries, not as gettext() calls, so
Babel's own Python extractor does not see it. This one reads the `en` dicts
with `ast` and yields each text with the context "name.key", as pgettext (one
form) or npgettext (a `(singular, plural)` tuple). Registered in babel.cfg.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

Extracted = tuple[int, str, tuple[str, ...], list[str]]


def extract(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Every English text of every catalog in the file, in the extractor protocol's shape."""
    for node in ast.walk(ast.parse(fileobj.read())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Catalog":
            name = ast.literal_eval(node.args[0])
            texts = next(k.value for k in node.keywords if k.arg == "en")
            assert isinstance(texts, ast.Dict)
            for key, text in zip(texts.keys, texts.values, strict=True):
                context = f"{name}.{ast.literal_eval(key)}"  # type: ignore[arg-type]
                english = ast.literal_eval(text)
                if isinstance(english, tuple):
                    yield text.lineno, "npgettext", (context, *english), []
                else:
                    yield text.lineno, "pgettext", (context, english), []
