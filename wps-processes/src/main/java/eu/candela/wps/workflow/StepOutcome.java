package eu.candela.wps.workflow;

/** How a step ended. On success its {@code result.json} is in its directory. */
public enum StepOutcome { SUCCEEDED, FAILED, CANCELLED }
