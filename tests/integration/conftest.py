"""Integration fixtures: the real server for the enrolment tests."""

from tests.enrolment_server import enrol_server, enrol_server_template, unused_url  # noqa: F401
