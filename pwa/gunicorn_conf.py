"""gunicorn's settings for `make run` and a deployment (`gunicorn --config python:pwa.gunicorn_conf
'pwa:create_app()'`); each can be overridden on the command line or by GUNICORN_CMD_ARGS.

Two worker processes for the two cores of the office's machine, each with threads, because a
request mostly waits (on SQLite, the disk, a slow phone) rather than computes; speech
recognition runs in a bounded pool inside each worker. Requests are given long enough for a
2G upload, and workers are recycled now and then so memory cannot creep.
"""
import multiprocessing

workers = min(2, multiprocessing.cpu_count())
threads = 4
timeout = 120          # a 5 MB document over 2G, or a recognition queued behind others
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
# The access log would name every URL, and some carry registration numbers: errors only.
accesslog = None
errorlog = "-"
loglevel = "warning"
