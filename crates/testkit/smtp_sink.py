#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for pocdir's tests.

Every message received is written into FOLDER as one JSON file: the
envelope, and the subject and text body decoded (RFC 2047 words, base64 or
quoted-printable), so tests can check what a person would read. Files are
written under a temporary name and renamed, so a reader never sees half a
message. Prints "ready" once listening. Each `--reject ADDRESS` is
refused for good at RCPT TO (550), as a relay refuses an unknown mailbox.

    python3 smtp_sink.py --host 127.0.0.1 --port 2525 --folder /tmp/mail \
        [--reject nobody@example.org ...]
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import time

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, folder, reject=()):
        self.folder = folder
        self.count = 0
        self.reject = {a.lower() for a in reject}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        message = email.message_from_bytes(raw, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "subject": str(message.get("Subject", "")),
            "message_id": str(message.get("Message-ID", "")),
            "body": part.get_content() if part is not None else "",
        }
        self.count += 1
        name = "%020d-%06d" % (time.time_ns(), self.count)
        tmp = os.path.join(self.folder, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(tmp, os.path.join(self.folder, name + ".json"))
        return "250 Message accepted for delivery"


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--reject", action="append", default=[])
    args = parser.parse_args()
    sink = Sink(args.folder, args.reject)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="smtp-sink.test"), args.host, args.port
    )
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
