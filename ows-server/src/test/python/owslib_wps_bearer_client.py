#!/usr/bin/python3
"""A notebook user against a server that wants OIDC bearer tokens: OWSLib passes the token in a
header and executes, synchronously and asynchronously; without it the Execute is refused.

Run with Debian's interpreter: /usr/bin/python3 owslib_wps_bearer_client.py http://127.0.0.1:8080 TOKEN
Prints one line per check and a closing 'N passed, N failed' line; exits 1 on any failure.
"""
import sys
import time

import urllib.error
import urllib.request

from owslib.util import ServiceException
from owslib.wps import WebProcessingService, ASYNC, SYNC

from checks import check, finish

BASE = sys.argv[1].rstrip("/")
TOKEN = sys.argv[2]
AUTH = {"Authorization": "Bearer " + TOKEN}


@check("capabilities are open to anyone")
def _():
    wps = WebProcessingService(BASE + "/wps")
    assert "Hello" in [p.identifier for p in wps.processes], wps.processes


@check("with a bearer token a synchronous Execute succeeds")
def _():
    wps = WebProcessingService(BASE + "/wps", headers=AUTH)
    execution = wps.execute("Hello", [("name", "notebook")], output=[("response", False)], mode=SYNC)
    assert execution.status == "ProcessSucceeded", (execution.status, [e.text for e in execution.errors])
    assert execution.processOutputs[0].data[0] == "Hello notebook", execution.processOutputs[0].data


@check("with a bearer token an asynchronous Execute is polled to success")
def _():
    wps = WebProcessingService(BASE + "/wps", headers=AUTH)
    execution = wps.execute("Hello", [("name", "async")], output=[("response", False)], mode=ASYNC)
    deadline = time.time() + 60
    while not execution.isComplete() and time.time() < deadline:
        time.sleep(0.2)
        execution.checkStatus(sleepSecs=0)
    assert execution.isSucceded(), (execution.status, [e.text for e in execution.errors])


@check("without a token the Execute is refused")
def _():
    wps = WebProcessingService(BASE + "/wps", skip_caps=True)
    try:
        execution = wps.execute("Hello", [("name", "stranger")], output=[("response", False)], mode=SYNC)
    except ServiceException:  # what OWSLib raises on HTTP 400 / 401
        pass
    else:
        raise AssertionError("executed without a token: " + str(execution.status))


@check("without a token the server answers 401 with a Bearer challenge")
def _():
    url = BASE + "/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=x"
    try:
        urllib.request.urlopen(url)
    except urllib.error.HTTPError as e:
        assert e.code == 401, e.code
        assert e.headers.get("WWW-Authenticate", "").startswith("Bearer"), dict(e.headers)
        return
    raise AssertionError("no 401")


finish()
