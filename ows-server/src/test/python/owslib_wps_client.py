#!/usr/bin/python3
"""What a notebook user does with OWSLib against the platform's WPS 1.0.0 endpoint.

Run with Debian's interpreter: /usr/bin/python3 owslib_wps_client.py http://127.0.0.1:8080
Prints one line per check and a closing 'N passed, N failed' line; exits 1 on any failure.
"""
import sys
import time
import urllib.request

from owslib.wps import WebProcessingService, ComplexDataInput, SYNC, ASYNC

from checks import check, finish

BASE = sys.argv[1].rstrip("/")


wps = WebProcessingService(BASE + "/wps", version="1.0.0", skip_caps=True)


@check("GetCapabilities lists the processes")
def _():
    wps.getcapabilities()
    ids = [p.identifier for p in wps.processes]
    assert "ChangeDetection" in ids and "Hello" in ids, ids
    assert wps.identification.type == "WPS", wps.identification.type


@check("DescribeProcess gives inputs, types, defaults and outputs")
def _():
    p = wps.describeprocess("ChangeDetection")
    inputs = {i.identifier: i for i in p.dataInputs}
    assert {"before", "after", "iterations"} <= set(inputs), list(inputs)
    assert inputs["before"].dataType == "ComplexData", inputs["before"].dataType
    assert inputs["iterations"].dataType.endswith("integer"), inputs["iterations"].dataType
    assert inputs["before"].minOccurs == 1
    outputs = {o.identifier for o in p.processOutputs}
    assert {"probability", "mask", "changedPixels"} <= outputs, outputs


@check("synchronous Execute returns the literal output")
def _():
    execution = wps.execute("Hello", [("name", "notebook")], output=[("response", False)], mode=SYNC)
    assert execution.isSucceded(), execution.status
    assert execution.processOutputs[0].data == ["Hello notebook"], execution.processOutputs[0].data


@check("asynchronous Execute is followed through its status location to the outputs")
def _():
    samples = BASE + "/eodata/samples/"
    inputs = [("before", ComplexDataInput(samples + "bordeaux_2017-04-19.tif", mimeType="image/tiff; application=geotiff")),
              ("after", ComplexDataInput(samples + "bordeaux_2017-04-29.tif", mimeType="image/tiff; application=geotiff")),
              ("iterations", "10")]
    execution = wps.execute("ChangeDetection", inputs,
                            output=[("probability", True), ("mask", True), ("changedPixels", False)], mode=ASYNC)
    assert execution.statusLocation.startswith(BASE + "/wps/jobs/"), execution.statusLocation
    seen = set()
    deadline = time.time() + 120
    while not execution.isComplete():
        assert time.time() < deadline, "job did not finish in 120 s"
        execution.checkStatus(sleepSecs=0.2)
        seen.add(execution.status)
    assert execution.isSucceded(), (execution.status, [e.text for e in execution.errors])
    outs = {o.identifier: o for o in execution.processOutputs}
    assert int(outs["changedPixels"].data[0]) > 0, outs["changedPixels"].data
    href = outs["probability"].reference
    assert href and href.startswith(BASE), href
    with urllib.request.urlopen(href) as r:
        head = r.read(4)
    assert head[:2] in (b"II", b"MM"), head
    print(f"     statuses seen while polling: {sorted(seen)}")


@check("an unknown process gives an OWS exception")
def _():
    try:
        wps.describeprocess("NoSuchProcess")
    except Exception as e:
        assert "NoSuchProcess" in str(e) or "InvalidParameterValue" in str(e), str(e)
        return
    raise AssertionError("no error raised")


finish()
