"""The standard Jupyter conformance suite (jupyter_kernel_test) run against the gocause kernel.

Run by GocauseKernelConformanceTest (JUnit) with JUPYTER_DATA_DIR pointing at a temporary
kernelspec. Every optional check of the suite is filled in: completion, inspection,
is_complete, errors, execute results and rich display data.
"""
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

WARM_UP_TIMEOUT = 300  # the first graph use may start an embedded Neo4j on a busy machine


class GocauseKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "gocause"
    language_name = "gocause"
    file_extension = ".gocause"

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=60)
        # Start the graph once so that later checks answer within the suite's 15 s timeout.
        reply = cls.kc.execute("%cypher RETURN 1 AS one", reply=True, timeout=WARM_UP_TIMEOUT)
        assert reply["content"]["status"] == "ok", reply["content"]

    # an error is one error message and an error reply
    code_generate_error = "%cause no-such-cause"

    # execute_result with text/plain (and rich forms)
    code_execute_result = [
        {"code": "%lang en", "result": "output language: English (en)"},
        {"code": "%help", "mime": "text/html"},
        {"code": "%help", "mime": "application/json"},
        {"code": "%cause close-of-nil-channel", "mime": "image/svg+xml"},
        {"code": "%graph ab-ba-lock-order", "mime": "image/svg+xml"},
        {"code": "%cypher MATCH (d:Dimension) RETURN d.id ORDER BY d.id", "mime": "text/html"},
        {"code": "%dimension", "mime": "text/markdown"},
    ]

    # display_data: every output before the last of a cell
    code_display_data = [
        {"code": "%lang en\n%help", "mime": "text/plain"},
        {"code": "%cause close-of-nil-channel", "mime": "text/html"},
        {"code": "%cause close-of-nil-channel", "mime": "application/json"},
    ]

    completion_samples = [
        {"text": "%cau", "matches": ["%cause"]},
        {"text": "%%cy", "matches": ["%%cypher"]},
        {"text": "%lang z", "matches": ["zh"]},
        {"text": "%graph ab-ba-lock-order --de", "matches": ["--depth"]},
        {"text": "%cause close-of-n", "matches": ["close-of-nil-channel"]},
        {"text": "%cypher MATCH (n:RootC", "matches": ["RootCause"]},
        {"text": "%cypher MATCH ()-[:FIXED", "matches": ["FIXED_BY", "FIXED_VARIANT"]},
    ]

    complete_code_samples = ["%help", "%cause close-of-nil-channel", "%lang en\n%help", "%%cypher\nRETURN 1\n\n", ""]
    incomplete_code_samples = ["%%cypher\nMATCH (n)", "%cypher MATCH (n", "%diagnose something \\"]
    invalid_code_samples = ["print('hello')", "%no-such-magic", "%%lang zh\n"]

    code_inspect_sample = "%cause close-of-nil-channel"


class GocauseKernelExtraTests(unittest.TestCase):
    """Checks the suite does not make: replies' content, not only their shape."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="gocause", startup_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def test_kernel_info_reply_has_status_ok(self):
        reply = self.kc.kernel_info(reply=True, timeout=15)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["implementation"], "gocause")

    def test_inspect_of_an_id_shows_the_node(self):
        code = "%cause close-of-nil-channel"
        reply = self.kc.inspect(code, cursor_pos=len(code) - 3, reply=True, timeout=15)
        self.assertTrue(reply["content"]["found"])
        text = reply["content"]["data"]["text/plain"]
        self.assertIn("RootCause close-of-nil-channel", text)
        self.assertIn("nil", text)

    def test_unknown_id_error_names_the_nearest_ids(self):
        reply = self.kc.execute("%cause close-of-nil-chanel", reply=True, timeout=WARM_UP_TIMEOUT)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("close-of-nil-channel", reply["content"]["evalue"])
        self.assertLessEqual(len(reply["content"]["traceback"]), 2)

    def test_bad_cypher_error_carries_neo4js_message(self):
        reply = self.kc.execute("%cypher MATCH (n RETURN n", reply=True, timeout=WARM_UP_TIMEOUT)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("Invalid input", reply["content"]["evalue"])

    def test_cypher_is_read_only_without_write(self):
        reply = self.kc.execute("%cypher CREATE (x:Scratch) RETURN x", reply=True, timeout=WARM_UP_TIMEOUT)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("--write", "\n".join(reply["content"]["traceback"]))


if __name__ == "__main__":
    unittest.main()
