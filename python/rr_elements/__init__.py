"""rr-elements for notebooks: numpy arrays in, an rr-elements view out.

    import numpy as np
    import rr_elements as rre

    rre.View(rre.Image(pixels, entity="image"))               # shown as HTML (needs only numpy)
    rre.View(rre.AnnotationContext([(1, "person", (255, 0, 0))]),
             rre.Image(photo, entity="camera/photo"),
             rre.Segmentation(mask, entity="camera/mask"), legend=True)
    rre.View(rre.Image(pixels)).widget()                     # live anywidget (needs anywidget)

A ``View`` is displayed by Jupyter as HTML: the rr-elements bundle (inside this package) and
the data (base64) are inlined, so the output works offline, in a saved notebook and in
nbconvert's HTML. The bundle goes into the first output of a kernel session only; later
outputs use it (``init_notebook()`` puts it in a cell of its own; ``to_html()`` makes a page
that needs nothing else). Hover shows the value under the pointer as Rerun does; ``legend=True``
adds a class legend for every segmentation. ``View.widget()`` makes an anywidget whose ``hover``
trait follows the pointer, for Python callbacks (``widget.observe(fn, "hover")``).

Every layer is a class with an element tag and the properties it sets on the element (see
``Layer``): a new kind of layer (points, boxes, depth images) is one class.
"""

from __future__ import annotations

import base64
import html as _html
import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Sequence

import numpy as np

__version__ = "0.1.0"
__all__ = [
    "Layer",
    "Image",
    "Segmentation",
    "AnnotationContext",
    "DepthImage",
    "Points2D",
    "Boxes2D",
    "LineStrips2D",
    "View",
    "view",
    "to_html",
    "init_notebook",
    "widget",
    "bundle_source",
]

# dtype -> Rerun's ChannelDatatype name (SPEC §1.3)
_DATATYPES = {
    np.dtype("uint8"): "U8", np.dtype("uint16"): "U16", np.dtype("uint32"): "U32", np.dtype("uint64"): "U64",
    np.dtype("int8"): "I8", np.dtype("int16"): "I16", np.dtype("int32"): "I32", np.dtype("int64"): "I64",
    np.dtype("float16"): "F16", np.dtype("float32"): "F32", np.dtype("float64"): "F64",
}

_BUNDLE_ENV = "RR_ELEMENTS_BUNDLE"
# What the HTML outputs inline: the one-file bundle (every element, its lazy chunks inside).
# rr-elements.js loads the code of segmentation, geometry and depth layers as chunks beside it,
# which a bundle imported from a blob: URL cannot find.
_INLINE_BUNDLE = "rr-elements-anywidget.js"


def _datatype(array: np.ndarray) -> str:
    try:
        return _DATATYPES[array.dtype.newbyteorder("=")]
    except KeyError:
        raise TypeError(f"expected an array of (u)int8..64 or float16/32/64, got dtype {array.dtype}") from None


def _format_of(array: np.ndarray, color_model: str | None, single_channel: bool) -> dict[str, Any]:
    """The ImageFormat Rerun's Python SDK infers from an array's shape (SPEC §1.3)."""
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if single_channel:
        if array.ndim != 2:
            raise ValueError(f"expected a 2-D (H×W) array, got shape {array.shape}")
        model = "L"
    elif array.ndim == 2:
        model = color_model or "L"
    elif array.ndim == 3 and array.shape[2] in (3, 4):
        model = color_model or ("RGB" if array.shape[2] == 3 else "RGBA")
    else:
        raise ValueError(f"expected an H×W, H×W×3 or H×W×4 array, got shape {array.shape}")
    return {"width": int(array.shape[1]), "height": int(array.shape[0]), "colorModel": model,
            "channelDatatype": _datatype(array)}


class Layer:
    """What a View shows: an element `tag` with `attributes` (strings) and `properties` (JSON),
    plus optional raw bytes set as the element's `buffer`. A new kind of layer subclasses this
    and implements `element()`; `outside_view` is True for data that is declared beside the view
    (annotation contexts)."""

    tag: ClassVar[str]
    outside_view: ClassVar[bool] = False

    def element(self) -> dict[str, Any]:
        """``{"tag", "attributes": {...}, "properties": {...}, "buffer": bytes | None}``."""
        raise NotImplementedError


@dataclass
class Image(Layer):
    """An Image layer: H×W (L), H×W×3 (RGB) or H×W×4 (RGBA) array; `color_model` e.g. "BGR"."""

    array: np.ndarray
    entity: str | None = None
    color_model: str | None = None
    opacity: float | None = None
    draw_order: float | None = None
    tag: ClassVar[str] = "rr-image"
    _single_channel: ClassVar[bool] = False

    def _extra(self) -> dict[str, Any]:
        return {}

    def element(self) -> dict[str, Any]:
        array = np.asarray(self.array)
        fmt = _format_of(array, self.color_model, self._single_channel)
        # Little-endian, C order: the byte layout the front end reads.
        data = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<")).tobytes()
        properties: dict[str, Any] = {"format": fmt, **self._extra()}
        if self.opacity is not None:
            properties["opacity"] = float(self.opacity)
        if self.draw_order is not None:
            properties["drawOrder"] = float(self.draw_order)
        attributes = {"entity": self.entity} if self.entity else {}
        return {"tag": self.tag, "attributes": attributes, "properties": properties, "buffer": data}


@dataclass
class Segmentation(Image):
    """A SegmentationImage layer: an H×W array of class ids."""

    tag: ClassVar[str] = "rr-segmentation"
    _single_channel: ClassVar[bool] = True


@dataclass
class DepthImage(Image):
    """A DepthImage layer: an H×W array of depths; `meter` = units per metre, `depth_range` =
    (min, max) at the colour map's ends, `colormap` a Rerun colour map name (e.g. "Turbo")."""

    meter: float | None = None
    depth_range: Sequence[float] | None = None
    colormap: str | None = None
    tag: ClassVar[str] = "rr-depth-image"
    _single_channel: ClassVar[bool] = True

    def __init__(self, depth: np.ndarray, meter: float | None = None,
                 depth_range: Sequence[float] | None = None, colormap: str | None = None,
                 entity: str | None = None, opacity: float | None = None,
                 draw_order: float | None = None) -> None:
        super().__init__(depth, entity=entity, opacity=opacity, draw_order=draw_order)
        self.meter, self.depth_range, self.colormap = meter, depth_range, colormap

    def _extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.meter is not None:
            extra["meter"] = str(float(self.meter))
        if self.depth_range is not None:
            low, high = (float(v) for v in self.depth_range)
            extra["depthRange"] = f"{low} {high}"
        if self.colormap is not None:
            extra["colormap"] = str(self.colormap)
        return extra


def _list(value: Any) -> Any:
    """numpy (or nested sequences) -> JSON lists; None stays None."""
    if value is None:
        return None
    return json.loads(json.dumps(np.asarray(value).tolist() if isinstance(value, np.ndarray) else value,
                                 default=_jsonable))


class _Geometry(Layer):
    """A geometry layer: its components (numpy or lists) set as the element's properties."""

    _fields: ClassVar[dict[str, str]]  # Python name -> element property
    entity: str | None

    def element(self) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        for name, prop in self._fields.items():
            value = getattr(self, name)
            if value is None:
                continue
            properties[prop] = value if isinstance(value, (bool, str)) else _list(value)
        attributes = {"entity": self.entity} if self.entity else {}
        return {"tag": self.tag, "attributes": attributes, "properties": properties, "buffer": None}


_COMMON = {"colors": "colors", "radii": "radii", "labels": "labels", "class_ids": "classIds"}


@dataclass
class Points2D(_Geometry):
    """A Points2D layer: N×2 `positions`; optional per-point colours (N×3/N×4 u8), radii, labels,
    class and keypoint ids."""

    positions: Any
    colors: Any = None
    radii: Any = None
    labels: Any = None
    class_ids: Any = None
    keypoint_ids: Any = None
    show_labels: bool | None = None
    entity: str | None = None
    tag: ClassVar[str] = "rr-points2d"
    _fields: ClassVar[dict[str, str]] = {"positions": "positions", **_COMMON,
                                         "keypoint_ids": "keypointIds", "show_labels": "showLabels"}


@dataclass
class Boxes2D(_Geometry):
    """A Boxes2D layer: `half_sizes` or `sizes` (N×2) with `centers`, or `mins` with `sizes`."""

    half_sizes: Any = None
    centers: Any = None
    sizes: Any = None
    mins: Any = None
    colors: Any = None
    radii: Any = None
    labels: Any = None
    class_ids: Any = None
    entity: str | None = None
    tag: ClassVar[str] = "rr-boxes2d"
    _fields: ClassVar[dict[str, str]] = {"half_sizes": "halfSizes", "centers": "centers",
                                         "sizes": "sizes", "mins": "mins", **_COMMON}


@dataclass
class LineStrips2D(_Geometry):
    """A LineStrips2D layer: `strips`, a list of M×2 arrays of points."""

    strips: Any
    colors: Any = None
    radii: Any = None
    labels: Any = None
    class_ids: Any = None
    entity: str | None = None
    tag: ClassVar[str] = "rr-line-strips2d"
    _fields: ClassVar[dict[str, str]] = {"strips": "strips", **_COMMON}

    def element(self) -> dict[str, Any]:
        el = super().element()
        el["properties"]["strips"] = [_list(np.asarray(strip)) for strip in self.strips]
        return el


@dataclass
class AnnotationContext(Layer):
    """Class ids -> labels and colours at `entity` (default "/"), written as Rerun's Python SDK
    accepts them: ``[(1, "red", (255, 0, 0)), (2, "green", (0, 255, 0))]``."""

    context: Sequence[Any]
    entity: str = "/"
    tag: ClassVar[str] = "rr-annotation-context"
    outside_view: ClassVar[bool] = True

    def as_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "context": json.loads(json.dumps(list(self.context), default=_jsonable))}

    def element(self) -> dict[str, Any]:
        data = self.as_json()
        return {"tag": self.tag, "attributes": {"entity": data["entity"]},
                "properties": {"context": data["context"]}, "buffer": None}


def _jsonable(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} into an annotation context")


def bundle_source(path: str | os.PathLike | None = None, name: str = _INLINE_BUNDLE,
                  env: bool = True) -> str | None:
    """A bundle's code: from `path`, $RR_ELEMENTS_BUNDLE (with `env`), this package's
    static/<name> (the wheel ships both bundles), or a repository checkout's dist/cdn/<name>;
    None when none is found. The default is the bundle the HTML outputs inline."""
    for candidate in (path, os.environ.get(_BUNDLE_ENV) if env else None):
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    static = resources.files(__name__).joinpath("static", name)
    if static.is_file():
        return static.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "dist" / "cdn" / name
    return checkout.read_text(encoding="utf-8") if checkout.is_file() else None


_counter = 0
# Whether this kernel session has shown an output holding the bundle (see View._repr_html_).
_bundle_shown = False


def _loader(code: str) -> str:
    """Script text that imports the bundle once per page."""
    return ("window.__rrElements ??= import(URL.createObjectURL("
            f"new Blob([{json.dumps(code)}], {{type: 'text/javascript'}})));\n")


def _script_tag(script: str) -> str:
    # The script text must not end the <script> element early.
    return '<script type="module">' + script.replace("</", "<\\/") + "</script>"


_MISSING_BUNDLE = (
    '<div part="error" style="color:#b00;font:13px sans-serif">rr-elements: the JavaScript bundle '
    "is not installed with this package (a source checkout needs <code>npm run build</code>).</div>"
)

# Builds the elements from the data the Python side wrote; one generic loop for every layer kind.
_BUILD = """
const data = %(data)s;
const context = document.getElementById(%(id)s);
const view = context.querySelector('rr-view');
if (!window.__rrElements) {
  context.textContent = 'rr-elements: the library was inlined in an earlier output that this page ' +
    'no longer has; run rr_elements.init_notebook() in a cell above, or View(...).to_html().';
} else {
  await window.__rrElements;
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  for (const item of data.elements) {
    const el = document.createElement(item.tag);
    for (const [name, value] of Object.entries(item.attributes)) el.setAttribute(name, value);
    Object.assign(el, item.properties);
    if (item.buffer != null) el.buffer = bytes(item.buffer);
    if (item.outside) context.insertBefore(el, view);
    else view.append(el);
  }
  for (const entity of data.legends) {
    const legend = document.createElement('rr-annotation-legend');
    legend.setAttribute('entity', entity);
    context.append(legend);
  }
}
"""


class View:
    """Layers composed in one ``<rr-view>`` (annotation contexts beside it), inside one
    ``<rr-context>``. Jupyter shows it as HTML; ``to_html()`` is a page of its own;
    ``widget()`` is the live anywidget."""

    def __init__(self, *layers: Layer, width: str = "100%", background: str | None = None,
                 legend: bool = False, tooltip: bool = True) -> None:
        for layer in layers:
            if not isinstance(layer, Layer):
                raise TypeError(f"expected Image, Segmentation, AnnotationContext or another "
                                f"rr_elements.Layer, got {type(layer).__name__}")
        self.layers = tuple(layers)
        self.width = width
        self.background = background
        self.legend = legend
        self.tooltip = tooltip

    def _legends(self) -> list[str]:
        if not self.legend:
            return []
        return [layer.entity for layer in self.layers if isinstance(layer, Segmentation) and layer.entity]

    def _body(self) -> tuple[str, str]:
        """The markup and the script that fills it (without the bundle)."""
        global _counter
        _counter += 1
        context_id = f"rr-elements-{os.getpid()}-{_counter}"
        elements = []
        for layer in self.layers:
            el = layer.element()
            buffer = el.get("buffer")
            elements.append({**el, "buffer": None if buffer is None else base64.b64encode(buffer).decode("ascii"),
                             "outside": layer.outside_view})
        legends = self._legends()
        view_attributes = "".join(
            f' {name}="{_html.escape(value)}"'
            for name, value in (("background", self.background), ("no-tooltip", "" if not self.tooltip else None))
            if value is not None)
        markup = (f'<rr-context id="{context_id}" style="display:block;width:{_html.escape(self.width)}">'
                  f"<rr-view{view_attributes}></rr-view></rr-context>")
        script = _BUILD % {"data": json.dumps({"elements": elements, "legends": legends}),
                           "id": json.dumps(context_id)}
        return markup, script

    def to_html(self, bundle: str | os.PathLike | None = None) -> str:
        """HTML that needs nothing else: the bundle inlined (a page or an e-mail attachment)."""
        code = bundle_source(bundle)
        if code is None:
            return _MISSING_BUNDLE
        markup, script = self._body()
        return f"{markup}\n{_script_tag(_loader(code) + script)}"

    def _repr_html_(self) -> str:
        # The bundle (~0.5 MB of text) goes into the first output of a kernel session only.
        global _bundle_shown
        if not _bundle_shown:
            html = self.to_html()
            _bundle_shown = html is not _MISSING_BUNDLE
            return html
        markup, script = self._body()
        return f"{markup}\n{_script_tag(script)}"

    def widget(self):
        """A live anywidget (needs ``pip install anywidget``); its front end is
        rr-elements/anywidget, shipped in this package. ``widget.hover`` follows the pointer."""
        return widget(*self.layers, background=self.background, legend=self.legend)


@dataclass
class _Html:
    html: str = field(repr=False)

    def _repr_html_(self) -> str:
        return self.html


def init_notebook() -> _Html:
    """Display this (last line of a cell) to put the bundle in that cell's output; every View
    after it uses it."""
    global _bundle_shown
    code = bundle_source()
    if code is None:
        return _Html(_MISSING_BUNDLE)
    _bundle_shown = True
    return _Html(_script_tag(_loader(code)))


def view(*items: Layer, **options: Any) -> View:
    """``View(*items, **options)``: what Jupyter shows as the view."""
    return View(*items, **options)


def to_html(*items: Layer, bundle: str | os.PathLike | None = None, **options: Any) -> str:
    """Self-contained HTML showing the layers in one <rr-view> (needs only numpy)."""
    return View(*items, **options).to_html(bundle)


def widget(*items: Layer, background: str | None = None, legend: bool = False):
    """A live anywidget (needs `pip install anywidget`); its front end is rr-elements/anywidget.
    Its `layers` trait holds every layer as `Layer.element()` describes it (so any kind of layer
    shows), `legends` the entities with a legend; `hover` and `error` come back from the page."""
    try:
        import anywidget
        import traitlets
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError("rr_elements.widget needs anywidget: pip install anywidget "
                          "(rr_elements.View needs only numpy)") from error

    view = View(*items, background=background, legend=legend)
    layers = [{**layer.element(), "outside": layer.outside_view} for layer in view.layers]
    esm = bundle_source(name="rr-elements-anywidget.js", env=False)
    if esm is None:
        raise RuntimeError("rr-elements: the anywidget bundle is not installed with this package "
                           "(a source checkout needs `npm run build`)")

    class RrWidget(anywidget.AnyWidget):
        _esm = esm
        layers = traitlets.List().tag(sync=True)
        legends = traitlets.List().tag(sync=True)
        background = traitlets.Unicode(None, allow_none=True).tag(sync=True)
        hover = traitlets.Dict(None, allow_none=True).tag(sync=True)
        error = traitlets.Unicode("").tag(sync=True)

    return RrWidget(layers=layers, legends=view._legends(), background=background)
