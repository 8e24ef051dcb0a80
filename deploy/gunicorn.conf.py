"""gunicorn settings for the web process (``make serve`` and ``deploy/lkip-web.service``).

Each value can be changed from the environment without editing this file.
"""

import multiprocessing
import os

# Sync processes: a request that lays a PDF out holds its process for a few seconds, so there
# are more processes than cores; 2 × cores + 1 is gunicorn's own advice.
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * multiprocessing.cpu_count() + 1)))
# No threads: a request spends its time in Python (scoring, templates) under one interpreter
# lock, so a second thread in a process would run only while the first waits on PostgreSQL,
# which the extra processes already cover; threads would also share one process's crash.
# A cold "Unduh PDF" lays the whole report out inside the request (10-30 s on a slow machine).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# A process is replaced after this many requests, so a slow leak in a library cannot grow.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100
# The access log and errors go to stderr, where systemd's journal keeps them.
accesslog = "-"
errorlog = "-"
# The reverse proxy on the same machine sets X-Forwarded-Proto; trust it only from there.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
