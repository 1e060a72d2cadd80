#!/usr/bin/env python3
"""The OASIS TAXII 2.1 client (taxii2-client) against a real pocdir.

Run by crates/testkit/tests/it/taxii_interop.rs with the server's URL and
two technical PoCs of different States (e-mail and API token each, signed
in with HTTP Basic, as most TAXII clients do):

    taxii_interop.py URL FRA_EMAIL FRA_TOKEN PAK_EMAIL PAK_TOKEN

It does discovery, add_objects, paged get_objects (as_pages), the
manifest, versions, one object and delete; every object read back must be
the object posted and pass the OASIS stix2-validator; and the two States
must see different objects as TLP and their collections say. It prints one
line per step and exits non-zero at the first failure.
"""

import json
import sys

import requests
from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import Server, as_pages

TLP_AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"
TLP_GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"
TLP_RED = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"
OPTIONS = ValidationOptions(version="2.1", strict=False)


def check(condition, what):
    if not condition:
        print(f"FAILED: {what}", flush=True)
        sys.exit(1)
    print(f"ok: {what}", flush=True)


def indicator(n, modified, marking=None):
    o = {
        "type": "indicator",
        "spec_version": "2.1",
        "id": f"indicator--{n:08x}-1111-4000-8000-000000000000",
        "created": "2026-11-01T10:00:00.000Z",
        "modified": modified,
        "name": f"C2 server {n}",
        "indicator_types": ["malicious-activity"],
        "pattern_type": "stix",
        "pattern": f"[ipv4-addr:value = '198.51.100.{n % 250}']",
        "valid_from": "2026-11-01T10:00:00Z",
    }
    if marking:
        o["object_marking_refs"] = [marking]
    return o


def malware(n):
    return {
        "type": "malware",
        "spec_version": "2.1",
        "id": f"malware--{n:08x}-2222-4000-8000-000000000000",
        "created": "2026-11-01T10:00:00.000Z",
        "modified": "2026-11-01T10:00:00.000Z",
        "name": f"Wiper {n}",
        "is_family": True,
        "object_marking_refs": [TLP_GREEN],
    }


def collection(api_root, title):
    for c in api_root.collections:
        if c.title.startswith(title):
            return c
    return None


def objects_of(pages):
    out = []
    for envelope in pages:
        out.extend(envelope.get("objects", []))
    return out


def main():
    url, fra_email, fra_token, pak_email, pak_token = sys.argv[1:6]
    fra_server = Server(f"{url}/taxii2/", user=fra_email, password=fra_token)
    check(fra_server.title and len(fra_server.api_roots) == 1, "discovery")
    fra = fra_server.api_roots[0]
    check(fra.versions == ["application/taxii+json;version=2.1"], "API root")
    pak = Server(f"{url}/taxii2/", user=pak_email, password=pak_token).api_roots[0]

    shared = collection(fra, "Shared")
    check(shared is not None and shared.can_read and shared.can_write, "shared collection")
    fra_inbox = collection(fra, "Inbox of FRA")
    pak_view_of_fra_inbox = collection(pak, "Inbox of FRA")
    check(
        fra_inbox.can_read and not pak_view_of_fra_inbox.can_read and pak_view_of_fra_inbox.can_write,
        "France reads its inbox; Pakistan may only write to it",
    )

    # 25 indicators (the first with a second version), 5 malware, and one
    # TLP:RED indicator the server must refuse.
    posted = [indicator(n, "2026-11-01T10:00:00.000Z", TLP_AMBER if n % 2 else None) for n in range(25)]
    posted += [malware(n) for n in range(5)]
    newer = indicator(0, "2026-11-02T10:00:00.000Z", TLP_GREEN)
    red = indicator(99, "2026-11-01T10:00:00.000Z", TLP_RED)
    status = shared.add_objects(json.dumps({"objects": posted + [newer, red]}), wait_for_completion=False)
    check(status.status == "complete", "status complete")
    check(
        (status.total_count, status.success_count, status.failure_count) == (32, 31, 1),
        f"31 kept, RED refused ({status.total_count}, {status.success_count}, {status.failure_count})",
    )
    check(status.failures[0]["id"] == red["id"], "the failure names the RED object")

    # Paged reads, seven a page: the last version of each, as posted.
    read = objects_of(as_pages(shared.get_objects, per_request=7))
    check(len(read) == 30, f"30 objects over pages of 7 ({len(read)})")
    expected = {o["id"]: o for o in posted[1:] + [newer]}
    check(all(expected[o["id"]] == o for o in read), "every object read back is the object posted")
    every = objects_of(as_pages(shared.get_objects, per_request=7, version="all"))
    check(len(every) == 31, f"every version: 31 ({len(every)})")
    invalid = [o["id"] for o in every if not validate_instance(o, OPTIONS).is_valid]
    check(not invalid, f"stix2-validator accepts every object read back ({invalid[:3]})")
    indicators = objects_of(as_pages(shared.get_objects, per_request=10, type="indicator"))
    check(len(indicators) == 25, f"match[type]=indicator ({len(indicators)})")

    manifest = objects_of(as_pages(shared.get_manifest, per_request=7))
    check(len(manifest) == 30, f"manifest of 30 ({len(manifest)})")
    check(all(m["media_type"] == "application/stix+json;version=2.1" for m in manifest), "manifest media types")

    versions = shared.object_versions(newer["id"])
    check(versions["versions"] == ["2026-11-01T10:00:00.000Z", "2026-11-02T10:00:00.000Z"], "versions")
    one = shared.get_object(newer["id"])
    check(one["objects"] == [newer], "one object, its last version")
    first = shared.get_object(newer["id"], version="first")
    check(first["objects"][0]["modified"] == "2026-11-01T10:00:00.000Z", "its first version")

    shared.delete_object(malware(0)["id"])
    try:
        shared.get_object(malware(0)["id"])
        check(False, "a deleted object is gone")
    except requests.exceptions.HTTPError as e:
        check(e.response.status_code == 404, "a deleted object is gone (404)")

    # TLP and collections: Pakistan sees the shared objects France does;
    # what Pakistan sends to France's inbox France reads and Pakistan never.
    pak_shared = collection(pak, "Shared")
    pak_read = objects_of(as_pages(pak_shared.get_objects, per_request=50))
    check(len(pak_read) == 29, f"Pakistan reads the 29 shared objects ({len(pak_read)})")
    for_france = indicator(200, "2026-11-03T10:00:00.000Z", TLP_AMBER)
    s = pak_view_of_fra_inbox.add_objects(json.dumps({"objects": [for_france]}), wait_for_completion=False)
    check(s.success_count == 1, "Pakistan writes to France's inbox")
    fra_inbox.refresh()
    inbox_objects = objects_of(as_pages(fra_inbox.get_objects, per_request=10))
    check([o["id"] for o in inbox_objects] == [for_france["id"]], "France reads it")
    raw = requests.get(
        f"{pak_view_of_fra_inbox.url}objects/",
        auth=(pak_email, pak_token),
        headers={"Accept": "application/taxii+json;version=2.1"},
    )
    check(raw.status_code == 403 and for_france["id"] not in raw.text, "Pakistan cannot read France's inbox")
    check(all(o["id"] != for_france["id"] for o in pak_read), "nor find it in the shared collection")
    print("interop: all steps passed", flush=True)


if __name__ == "__main__":
    main()
