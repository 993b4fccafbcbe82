"""The language server (``python -m mlkata.server``); importing this package starts nothing."""
