"""What a maintainer adds to specs/useapi.yaml in CONTRIBUTING's "Adding an operation": a JSON POST,
a multipart upload and a binary download, each with its recordings, and a JSON POST of an array.
Tests add them to a temporary copy of specs/ and tests/recordings/ (never to the real ones).
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from typing import Any

import yaml

from scripts.core import paths

ID = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
UNAUTHORIZED: dict[str, Any] = {
    "description": "The API token is missing or invalid.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}},
}
NEW_PATHS: dict[str, Any] = {
    "/v2/notes": {
        "post": {
            "operationId": "createNote",
            "tags": ["account"],
            "summary": "Create a note",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["text"],
                            "properties": {"text": {"type": "string"}, "pinned": {"type": "boolean"}},
                        }
                    }
                },
            },
            "responses": {
                "201": {"description": "Created.", "content": {"application/json": {"schema": ID}}},
                "401": UNAUTHORIZED,
            },
        }
    },
    "/v2/notes/batch": {
        "post": {
            "operationId": "createNotes",
            "tags": ["account"],
            "summary": "Create several notes",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["text"],
                                "properties": {"text": {"type": "string"}},
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": {"description": "Created.", "content": {"application/json": {"schema": ID}}},
                "401": UNAUTHORIZED,
            },
        }
    },
    "/v2/images": {
        "post": {
            "operationId": "uploadImage",
            "tags": ["account"],
            "summary": "Upload an image",
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["image"],
                            "properties": {
                                "image": {"type": "string", "format": "binary"},
                                "prompt": {"type": "string"},
                                "count": {"type": "integer"},
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": {"description": "Stored.", "content": {"application/json": {"schema": ID}}},
                "401": UNAUTHORIZED,
            },
        }
    },
    "/v2/videos/{name}": {
        "get": {
            "operationId": "downloadVideo",
            "tags": ["account"],
            "summary": "Download a video",
            "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "The video.",
                    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                },
                "401": UNAUTHORIZED,
            },
        }
    },
}

SOURCE = """source:
  basis: "A made-up exchange of an operation added in a test."
  page: https://useapi.net/docs/added-in-a-test
  revised: "2026-01-01"
"""
UNAUTHORIZED_RECORDING = """request:
  method: {method}
  path: {path}
  query: {{}}
  authorized: false{body}
response:
  status: 401
  content_type: application/json
  body: '{{"error": "Unauthorized", "code": 401}}'
"""
NOTE_BODY = """
  content_type: application/json
  body: '{"text": "hi", "pinned": true}'"""
UPLOAD_BODY = """
  content_type: multipart/form-data
  fields:
    image: {file_name: a.png, content_type: image/png, base64: iVBORw0KGgo=}
    prompt: a cat
    count: '2'"""
# Eight bytes of a PNG signature, and a video that is every byte value.
PNG = bytes.fromhex("89504e470d0a1a0a")
VIDEO = bytes(range(256))
RECORDINGS: dict[str, str] = {
    "createNote/201-created.yaml": f"""request:
  method: POST
  path: /v2/notes
  query: {{}}
  authorized: true{NOTE_BODY}
response:
  status: 201
  content_type: application/json
  body: '{{"id": 7}}'
""",
    "createNote/401-missing-token.yaml": UNAUTHORIZED_RECORDING.format(method="POST", path="/v2/notes", body=NOTE_BODY),
    "createNotes/200-created.yaml": """request:
  method: POST
  path: /v2/notes/batch
  query: {}
  authorized: true
  content_type: application/json
  body: '[{"text": "a"}, {"text": "b"}]'
response:
  status: 200
  content_type: application/json
  body: '{"id": 9}'
""",
    "createNotes/401-missing-token.yaml": UNAUTHORIZED_RECORDING.format(
        method="POST", path="/v2/notes/batch", body="\n  content_type: application/json\n  body: '[]'"
    ),
    "uploadImage/200-stored.yaml": f"""request:
  method: POST
  path: /v2/images
  query: {{}}
  authorized: true{UPLOAD_BODY}
response:
  status: 200
  content_type: application/json
  body: '{{"id": 8}}'
""",
    "uploadImage/401-missing-token.yaml": UNAUTHORIZED_RECORDING.format(
        method="POST", path="/v2/images", body=UPLOAD_BODY
    ),
    "downloadVideo/200-clip.yaml": """request:
  method: GET
  path: /v2/videos/clip.mp4
  query: {}
  authorized: true
response:
  status: 200
  content_type: application/octet-stream
  body_base64: """
    + base64.b64encode(VIDEO).decode()
    + "\n",
    "downloadVideo/401-missing-token.yaml": UNAUTHORIZED_RECORDING.format(
        method="GET", path="/v2/videos/clip.mp4", body=""
    ),
}


def add_to_spec(spec_file: Path) -> None:
    """Add NEW_PATHS to a copy of specs/useapi.yaml, at the end of its paths, as a maintainer
    would: the rest of the file stays as it is. A path the spec has already is left as it is."""
    text = spec_file.read_text(encoding="utf-8")
    present = yaml.safe_load(text)["paths"]  # a spec that has them already (a scratch clone's) keeps its own
    missing = {path: item for path, item in NEW_PATHS.items() if path not in present}
    if not missing:
        return
    added = yaml.safe_dump(json.loads(json.dumps(missing)), sort_keys=False, width=100)  # a copy: no aliases
    indented = "".join(f"  {line}" if line.strip() else line for line in added.splitlines(keepends=True))
    head, separator, tail = text.partition("\ncomponents:\n")
    assert separator, f"{spec_file}: no components section to add the paths before"
    spec_file.write_text(f"{head.rstrip()}\n\n{indented}{separator}{tail}", encoding="utf-8")


def add_recordings(recordings_dir: Path) -> list[Path]:
    """Write RECORDINGS under recordings_dir/useapi/; the files written."""
    written = []
    for name, text in RECORDINGS.items():
        file = recordings_dir / "useapi" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(SOURCE + text, encoding="utf-8")
        written.append(file)
    return written


def copy_specs_and_recordings(root: Path) -> tuple[Path, Path]:
    """Copies of specs/ and tests/recordings/ under root, with the added operations: (specs, recordings)."""
    specs_dir, recordings_dir = root / "specs", root / "recordings"
    shutil.copytree(paths.SPECS_DIR, specs_dir)
    shutil.copytree(paths.RECORDINGS_DIR, recordings_dir)
    add_to_spec(specs_dir / "useapi.yaml")
    add_recordings(recordings_dir)
    return specs_dir, recordings_dir
