"""The footer: Textual's, in its compact look, each key styled once."""

from __future__ import annotations

from textual.widgets import Footer


class CompactFooter(Footer):
    """Textual's compact footer, whose look this CSS gives: `Footer(compact=True)` gives
    each key its compact class once mounted, which styles the key a second time, and
    the footer is built anew at each start, switch of screen and change of focus."""

    DEFAULT_CSS = """
    CompactFooter {
        FooterLabel { margin: 0; }
        FooterKey { margin-right: 1; }
        FooterKey .footer-key--key { padding: 0; }
        FooterKey .footer-key--description { padding: 0 0 0 1; }
        FooterKey.-grouped { margin: 0 1; }
        FooterKey.-command-palette { padding-right: 0; }
    }
    """

    def __init__(self) -> None:
        super().__init__(compact=False)
