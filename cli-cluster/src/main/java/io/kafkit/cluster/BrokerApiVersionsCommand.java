package io.kafkit.cluster;

import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.connect.ConnectionOptions;
import io.kafkit.common.connect.KafkaClients;
import io.kafkit.common.output.OutputOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit broker-api-versions}: kafka-broker-api-versions.sh, each live broker's API version
 * ranges, in Apache's layout and order.
 */
@Command(
    name = "broker-api-versions",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "This tool helps to retrieve broker version information.")
public final class BrokerApiVersionsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    try (Admin admin = new KafkaClients(connection.resolve()).admin()) {
      // Apache's order: a hash map of the brokers, filled in the order the cluster lists them
      Map<Node, KafkaFuture<ApiVersionsAdapter.NodeApis>> requests = new HashMap<>();
      for (Node node : admin.describeCluster().nodes().get()) {
        requests.put(node, ApiVersionsAdapter.request(admin, node.id()));
      }
      return NodeApiVersionsView.print(
          requests, output, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }
}
