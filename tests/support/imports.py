"""Python code that makes importing Textual or Rich fail: put before a script run with
`python -c`, it shows that what the script imports needs neither (the core and the
command line's check path must run without the UI's libraries)."""

BLOCK_TEXTUAL = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("textual", "rich"):
            raise ImportError(f"{name} imported by the core")
sys.meta_path.insert(0, Block())
"""
