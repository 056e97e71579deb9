package eu.candela.ows.wps10;

import java.util.List;
import java.util.Objects;

/** A parsed WPS 1.0.0 Execute request, from KVP or XML. */
public record ExecuteRequest(String processId, List<InputSpec> inputs, ResponseForm responseForm, String language) {
    public ExecuteRequest {
        Objects.requireNonNull(processId, "processId");
        inputs = List.copyOf(inputs);
        responseForm = responseForm == null ? ResponseForm.Document.defaults() : responseForm;
    }

    public boolean asynchronous() {
        return responseForm instanceof ResponseForm.Document d && d.storeExecuteResponse();
    }

    public List<InputSpec> inputs(String inputId) {
        return inputs.stream().filter(i -> i.id().equals(inputId)).toList();
    }
}
