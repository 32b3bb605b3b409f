package io.kafkit.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Asks a broker for its cluster metadata: the sign that it is up and serving. */
final class BrokerProbe implements AutoCloseable {
  private final Admin admin;

  BrokerProbe(String bootstrap) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200"));
  }

  /** The cluster id if the broker answered within the time, else empty. */
  Optional<String> clusterId(Duration within) throws InterruptedException {
    try {
      int ms = (int) within.toMillis();
      return Optional.of(
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(ms))
              .clusterId()
              .get(ms + 500L, TimeUnit.MILLISECONDS));
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ZERO);
  }
}
