"""Logging helpers for the production settings."""

import logging


class JejakHanyaGalatServer(logging.Filter):
    """Keeps the traceback for server errors (5xx) only: a refused request (403, 404) is one
    line in the log, so a 500's traceback is not buried under the harmless ones."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
