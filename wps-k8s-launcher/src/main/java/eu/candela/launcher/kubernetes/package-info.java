/**
 * The Kubernetes launcher: each job is a batch/v1 Job running the processing image's CLI on the job
 * directory, which server and pods share through a PVC.
 * <ul>
 *   <li>{@link eu.candela.launcher.kubernetes.ProcessImages}: the data directory's
 *       {@code processes/images.yaml}, process id to image, command, resources and scheduling;</li>
 *   <li>{@link eu.candela.launcher.kubernetes.JobManifests}: the Job of one execution;</li>
 *   <li>{@link eu.candela.launcher.kubernetes.KubernetesLauncher}: submits, follows all Jobs through one
 *       shared informer, maps their states and failure reasons, cancels, re-attaches after a restart;</li>
 *   <li>{@link eu.candela.launcher.kubernetes.KubernetesLauncherConfig}: namespace, claims, timings, limits,
 *       leader election.</li>
 * </ul>
 * Tests run it against fabric8's mock API server with {@code KubeletStandIn} (test-jar) playing the Job
 * controller and the kubelet.
 */
package eu.candela.launcher.kubernetes;
