"""rr-elements for notebooks: numpy arrays in, an rr-elements view out.

    import numpy as np
    import rr_elements as rre

    rre.view(rre.Image(pixels, entity="image"))            # self-contained HTML (needs only numpy)
    rre.widget(rre.Image(pixels, entity="image"))          # live anywidget (needs anywidget)

``view(...)`` returns an object Jupyter displays as HTML: the rr-elements bundle and the data
(base64) are inlined, so the output keeps working in a saved notebook, in nbconvert's HTML and
offline. ``widget(...)`` returns an anywidget whose traits the front end
``rr-elements/anywidget`` reads; changing ``widget.images`` updates the view.
"""

from __future__ import annotations

import base64
import html as _html
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

__all__ = ["Image", "Segmentation", "AnnotationContext", "view", "to_html", "widget", "bundle_source"]

# dtype -> Rerun's ChannelDatatype name (SPEC §1.3)
_DATATYPES = {
    np.dtype("uint8"): "U8", np.dtype("uint16"): "U16", np.dtype("uint32"): "U32", np.dtype("uint64"): "U64",
    np.dtype("int8"): "I8", np.dtype("int16"): "I16", np.dtype("int32"): "I32", np.dtype("int64"): "I64",
    np.dtype("float16"): "F16", np.dtype("float32"): "F32", np.dtype("float64"): "F64",
}

_BUNDLE_ENV = "RR_ELEMENTS_BUNDLE"
_CDN_URL = "https://cdn.jsdelivr.net/npm/rr-elements/dist/cdn/rr-elements.js"


def _datatype(array: np.ndarray) -> str:
    try:
        return _DATATYPES[array.dtype.newbyteorder("=")]
    except KeyError:
        raise TypeError(f"expected an array of (u)int8..64 or float16/32/64, got dtype {array.dtype}") from None


def _format_of(array: np.ndarray, color_model: str | None, segmentation: bool) -> dict[str, Any]:
    """The ImageFormat Rerun's Python SDK infers from an array's shape (SPEC §1.3)."""
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if segmentation:
        if array.ndim != 2:
            raise ValueError(f"expected a 2-D (H×W) segmentation array, got shape {array.shape}")
        model = "L"
    elif array.ndim == 2:
        model = color_model or "L"
    elif array.ndim == 3 and array.shape[2] in (3, 4):
        model = color_model or ("RGB" if array.shape[2] == 3 else "RGBA")
    else:
        raise ValueError(f"expected an H×W, H×W×3 or H×W×4 array, got shape {array.shape}")
    return {"width": int(array.shape[1]), "height": int(array.shape[0]), "color_model": model,
            "channel_datatype": _datatype(array)}


@dataclass
class Image:
    """An Image layer: H×W (L), H×W×3 (RGB) or H×W×4 (RGBA) array; `color_model` e.g. "BGR"."""

    array: np.ndarray
    entity: str | None = None
    color_model: str | None = None
    opacity: float | None = None
    draw_order: float | None = None
    _segmentation = False

    def layer(self) -> dict[str, Any]:
        array = np.asarray(self.array)
        fmt = _format_of(array, self.color_model, self._segmentation)
        # Little-endian, C order: the byte layout the front end reads.
        data = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<")).tobytes()
        out: dict[str, Any] = {"entity": self.entity, "buffer": data, "format": fmt}
        if self.opacity is not None:
            out["opacity"] = float(self.opacity)
        if self.draw_order is not None:
            out["draw_order"] = float(self.draw_order)
        return out


@dataclass
class Segmentation(Image):
    """A SegmentationImage layer: an H×W array of class ids."""

    _segmentation = True


@dataclass
class AnnotationContext:
    """Class ids -> labels and colours at `entity` (default "/"), written as Rerun's Python SDK
    accepts them: ``[(1, "red", (255, 0, 0)), (2, "green", (0, 255, 0))]``."""

    context: Sequence[Any]
    entity: str = "/"

    def as_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "context": json.loads(json.dumps(list(self.context), default=_jsonable))}


def _jsonable(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} into an annotation context")


def _split(items: Sequence[Any]) -> tuple[list[dict], list[dict], list[dict]]:
    images, segmentations, contexts = [], [], []
    for item in items:
        if isinstance(item, Segmentation):
            segmentations.append(item.layer())
        elif isinstance(item, Image):
            images.append(item.layer())
        elif isinstance(item, AnnotationContext):
            contexts.append(item.as_json())
        else:
            raise TypeError(f"expected Image, Segmentation or AnnotationContext, got {type(item).__name__}")
    return images, segmentations, contexts


def bundle_source(path: str | os.PathLike | None = None, name: str = "rr-elements.js") -> str | None:
    """A CDN bundle's code: from `path`, $RR_ELEMENTS_BUNDLE (for rr-elements.js), or this
    repository's dist/cdn/<name>; None when not found."""
    here = Path(__file__).resolve().parent.parent / "dist" / "cdn" / name
    candidates = [path, os.environ.get(_BUNDLE_ENV) if name == "rr-elements.js" else None, here]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    return None


_counter = 0


def to_html(*items: Any, width: str = "100%", background: str | None = None, bundle: str | os.PathLike | None = None) -> str:
    """Self-contained HTML showing the layers in one <rr-view> (needs only numpy).

    The bundle is inlined when found (see `bundle_source`), else loaded from the CDN."""
    global _counter
    _counter += 1
    images, segmentations, contexts = _split(items)
    view_id = f"rr-elements-view-{os.getpid()}-{_counter}"

    def encode(layer: dict) -> dict:
        return {**layer, "buffer": base64.b64encode(layer["buffer"]).decode("ascii")}

    payload = json.dumps({"images": [encode(l) for l in images], "segmentations": [encode(l) for l in segmentations],
                          "contexts": contexts, "background": background})
    code = bundle_source(bundle)
    # One copy of the library per page, however many outputs inline it.
    if code is None:
        loader = f"window.__rrElements ??= import({json.dumps(_CDN_URL)});"
    else:
        source = json.dumps(code)
        loader = ("window.__rrElements ??= import(URL.createObjectURL("
                  f"new Blob([{source}], {{type: 'text/javascript'}})));")
    script = f"""
{loader}
await window.__rrElements;
const data = {payload};
const view = document.getElementById({json.dumps(view_id)});
const context = view.parentElement;
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const format = (f) => ({{width: f.width, height: f.height, colorModel: f.color_model, channelDatatype: f.channel_datatype}});
for (const c of data.contexts) {{
  const el = document.createElement('rr-annotation-context');
  el.setAttribute('entity', c.entity);
  el.context = c.context;
  context.insertBefore(el, view);
}}
for (const [tag, layers] of [['rr-image', data.images], ['rr-segmentation', data.segmentations]]) {{
  for (const l of layers) {{
    const el = document.createElement(tag);
    if (l.entity) el.setAttribute('entity', l.entity);
    if (l.opacity != null) el.opacity = l.opacity;
    if (l.draw_order != null) el.drawOrder = l.draw_order;
    el.format = format(l.format);
    el.buffer = bytes(l.buffer);
    view.append(el);
  }}
}}
if (data.background) view.setAttribute('background', data.background);
"""
    # The script text must not end the <script> element early.
    script = script.replace("</", "<\\/")
    return (f'<rr-context style="display:block;width:{_html.escape(width)}">'
            f'<rr-view id="{view_id}"></rr-view></rr-context>\n'
            f'<script type="module">{script}</script>')


@dataclass
class _HtmlView:
    html: str = field(repr=False)

    def _repr_html_(self) -> str:
        return self.html


def view(*items: Any, **options: Any) -> _HtmlView:
    """What Jupyter shows as the self-contained HTML of `to_html(*items, **options)`."""
    return _HtmlView(to_html(*items, **options))


def widget(*items: Any, background: str | None = None):
    """A live anywidget (needs `pip install anywidget`); its front end is rr-elements/anywidget."""
    try:
        import anywidget
        import traitlets
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("rr_elements.widget needs anywidget: pip install anywidget "
                          "(rr_elements.view needs only numpy)") from error

    images, segmentations, contexts = _split(items)
    # The front end rr-elements/anywidget built as one file (elements included); anywidget also
    # takes a URL.
    esm = bundle_source(name="rr-elements-anywidget.js") or _CDN_URL.replace("rr-elements.js", "rr-elements-anywidget.js")

    class RrWidget(anywidget.AnyWidget):
        _esm = esm
        images = traitlets.List().tag(sync=True)
        segmentations = traitlets.List().tag(sync=True)
        contexts = traitlets.List().tag(sync=True)
        background = traitlets.Unicode(None, allow_none=True).tag(sync=True)
        hover = traitlets.Dict(None, allow_none=True).tag(sync=True)
        error = traitlets.Unicode("").tag(sync=True)

    return RrWidget(images=images, segmentations=segmentations, contexts=contexts, background=background)
