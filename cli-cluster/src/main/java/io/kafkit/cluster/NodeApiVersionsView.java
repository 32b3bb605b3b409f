package io.kafkit.cluster;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.kafka.KafkaErrors;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;

/**
 * The API versions of several nodes, as kafka-cluster.sh api-versions and
 * kafka-broker-api-versions.sh print them: {@code NODE -> (...)} per node, in the map's order; a
 * node that did not answer gets Apache's {@code ERROR:} line, and the run exits 1.
 */
final class NodeApiVersionsView {
  private NodeApiVersionsView() {}

  /** One node: its APIs, or why it did not answer. */
  record NodeView(
      int id,
      String host,
      int port,
      String rack,
      String error,
      List<ApiVersionsAdapter.Api> apis) {}

  record View(List<NodeView> nodes) {}

  static int print(
      Map<Node, KafkaFuture<ApiVersionsAdapter.NodeApis>> requests,
      OutputOptions output,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    List<NodeView> nodes = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int failed = 0;
    for (Map.Entry<Node, KafkaFuture<ApiVersionsAdapter.NodeApis>> e : requests.entrySet()) {
      Node node = e.getKey();
      try {
        ApiVersionsAdapter.NodeApis apis = e.getValue().get();
        text.append(node).append(" -> ").append(apis.text()).append('\n');
        nodes.add(
            new NodeView(node.id(), node.host(), node.port(), node.rack(), null, apis.apis()));
      } catch (ExecutionException x) {
        Throwable cause = KafkaErrors.unwrap(x);
        text.append(node).append(" -> ERROR: ").append(cause).append('\n');
        nodes.add(
            new NodeView(
                node.id(), node.host(), node.port(), node.rack(), cause.getMessage(), null));
        failed++;
      }
    }
    output.print(new View(nodes), (v, w) -> w.print(text), out);
    if (failed > 0) {
      err.println(
          "Error: "
              + failed
              + (failed == 1 ? " node" : " nodes")
              + " did not answer with their API versions (the ERROR lines above).");
      err.flush();
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }
}
