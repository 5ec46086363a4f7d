"""The full-screen editor: Textual app, one screen per POST step, reusable widgets."""
