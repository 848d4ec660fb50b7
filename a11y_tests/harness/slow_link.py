"""A slow or broken mobile link between a browser and the live server, for the benchmarks
(bench/slow3g.py) and the browser tests of the service worker: every byte of every request
crosses it, the main document and the worker's own fetches alike, whatever DevTools target
made it. Not a test module."""
import asyncio
import threading


class SlowLink:
    """A TCP proxy that behaves like a slow mobile link: each chunk waits half the round trip
    in each direction, and the bytes of all connections share the link's speed."""

    def __init__(self, target_port: int, latency_ms: int = 0, kbit: int = 0):
        self.target_port = target_port
        self.latency_ms = latency_ms
        self.rate = kbit * 1000 / 8 if kbit else 0
        self.offline = False   # no signal at all: every connection is refused
        self.free = {"naik": 0.0, "turun": 0.0}
        self.loop = asyncio.new_event_loop()
        self.port = None
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait(10)

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)

        async def start():
            server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
        self.loop.run_until_complete(start())
        self.loop.run_forever()

    async def _handle(self, reader, writer):
        if self.offline:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(self._pipe(reader, up_writer, "naik"),
                             self._pipe(up_reader, writer, "turun"), return_exceptions=True)
        for w in (writer, up_writer):
            w.close()

    async def _pipe(self, src, dst, direction):
        queue: asyncio.Queue = asyncio.Queue()

        async def send():
            while True:
                due, data = await queue.get()
                await asyncio.sleep(max(0.0, due - self.loop.time()))
                if self.offline:          # the signal went: open connections die too
                    dst.transport.abort()
                    return
                if data is None:
                    if dst.can_write_eof():
                        dst.write_eof()
                    return
                dst.write(data)
                await dst.drain()
        sender = asyncio.ensure_future(send())
        try:
            while True:
                data = await src.read(8192)
                now = self.loop.time()
                one_way = self.latency_ms / 2000
                if not data:
                    queue.put_nowait((max(now, self.free[direction]) + one_way, None))
                    break
                start = max(now, self.free[direction])
                self.free[direction] = start + (len(data) / self.rate if self.rate else 0)
                queue.put_nowait((self.free[direction] + one_way, data))
        except (ConnectionError, OSError):
            queue.put_nowait((0.0, None))
        await sender
