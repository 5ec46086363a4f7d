"""One screen per POST step, plus dialogs."""
