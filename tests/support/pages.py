"""What a report's HTML and Markdown are made of, to compare a plain plan's report with
a hostile one's: the tags, their attributes, the text a reader sees.

WEB_ATTACKS are what a plan's text may try in a report; support/hostile.py has the rest
(terminal escapes, bidi, markup).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

# What a plan's text may try in a report: HTML, links and images, entities, Markdown.
WEB_ATTACKS = (
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![x](https://e.vil/x.png)",
    '<img src=x onerror="alert(1)">',
    "<https://e.vil>",
    "&lt;b&gt; &#x202e;",
    "`code` *em* _em_ ~~gone~~ | pipe |",
    "# heading",
    "- item",
    "1. item",
    "\u202eevil\u202c",
)


def markdown_html(text: str) -> str:
    """The report as a CommonMark renderer with GitHub tables shows it."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def visible(html: str) -> str:
    """The text an HTML page shows, tags dropped and entities read."""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    reader = Text()
    reader.feed(html)
    return " ".join("".join(reader.parts).split())


def tags(html: str) -> list[str]:
    """The names of the tags in `html`, in order."""
    return re.findall(r"<([a-z0-9]+)", html)


class Page(HTMLParser):
    """Every tag and attribute of an HTML page, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def shown(self) -> str:
        return " ".join("".join(self.text).split())


def structure(html: str) -> list[tuple[str, list[str]]]:
    """The tags of a page with the names of their attributes, in order."""
    return [(tag, sorted(attrs)) for tag, attrs in Page(html).tags]
