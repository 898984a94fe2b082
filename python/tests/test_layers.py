"""What the geometry and depth layers write for their elements (run: python3 -m unittest, from python/)."""

import os
import tempfile
import unittest

import numpy as np

import rr_elements as rre


class LayerElements(unittest.TestCase):
    def test_points2d(self):
        el = rre.Points2D(np.array([[1, 1], [3, 3]], np.float32),
                          colors=np.array([[255, 0, 0], [0, 0, 255]], np.uint8), radii=[0.5],
                          labels=["a", "b"], class_ids=np.array([1, 2]), keypoint_ids=[0, 1],
                          show_labels=True, entity="points").element()
        self.assertEqual(el["tag"], "rr-points2d")
        self.assertEqual(el["attributes"], {"entity": "points"})
        self.assertEqual(el["properties"], {
            "positions": [[1.0, 1.0], [3.0, 3.0]], "colors": [[255, 0, 0], [0, 0, 255]],
            "radii": [0.5], "labels": ["a", "b"], "classIds": [1, 2], "keypointIds": [0, 1],
            "showLabels": True})
        self.assertIsNone(el["buffer"])

    def test_boxes2d_and_strips(self):
        boxes = rre.Boxes2D(half_sizes=np.array([[1, 2]]), centers=[[0, 0]], entity="b").element()
        self.assertEqual((boxes["tag"], boxes["properties"]),
                         ("rr-boxes2d", {"halfSizes": [[1, 2]], "centers": [[0, 0]]}))
        mins = rre.Boxes2D(mins=[[0, 0]], sizes=[[2, 2]]).element()
        self.assertEqual(mins["properties"], {"mins": [[0, 0]], "sizes": [[2, 2]]})
        strips = rre.LineStrips2D([np.array([[0, 0], [1, 1.5]]), [[2, 2], [3, 3], [4, 2]]],
                                  colors=[[0, 255, 0]]).element()
        self.assertEqual(strips["tag"], "rr-line-strips2d")
        self.assertEqual(strips["properties"], {
            "strips": [[[0.0, 0.0], [1.0, 1.5]], [[2, 2], [3, 3], [4, 2]]], "colors": [[0, 255, 0]]})

    def test_depth_image(self):
        depth = np.array([[0, 1000], [2000, 65535]], np.uint16)
        el = rre.DepthImage(depth, meter=1000, depth_range=(0, 5000), colormap="Viridis",
                            entity="depth").element()
        self.assertEqual(el["tag"], "rr-depth-image")
        self.assertEqual(el["properties"], {
            "format": {"width": 2, "height": 2, "colorModel": "L", "channelDatatype": "U16"},
            "meter": "1000.0", "depthRange": "0.0 5000.0", "colormap": "Viridis"})
        self.assertEqual(np.frombuffer(el["buffer"], "<u2").tolist(), [0, 1000, 2000, 65535])
        with self.assertRaises(ValueError):
            rre.DepthImage(np.zeros((2, 2, 3), np.float32)).element()

    def test_view_inlines_geometry(self):
        # A stand-in bundle: this test reads the data the page inlines, not the library.
        with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as bundle:
            bundle.write("export {};")
        os.environ["RR_ELEMENTS_BUNDLE"] = bundle.name
        try:
            page = rre.View(rre.Points2D([[1, 2]], entity="p"),
                            rre.DepthImage(np.ones((1, 1), np.float32))).to_html()
        finally:
            del os.environ["RR_ELEMENTS_BUNDLE"]
            os.unlink(bundle.name)
        self.assertIn('"tag": "rr-points2d"', page)
        self.assertIn('"positions": [[1, 2]]', page)
        self.assertIn('"tag": "rr-depth-image"', page)


if __name__ == "__main__":
    unittest.main()
