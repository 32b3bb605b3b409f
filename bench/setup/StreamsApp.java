// A Kafka Streams application for the streams-groups benchmark: counts INPUT's values by value
// (a repartition and a changelog topic), as a streams group (KIP-1071) named APP_ID, until killed.
// Run by bench/run.sh as a single-file program on Kafka Streams' class path:
//   java -cp 'bench/work/streams-lib-4.4.0/*' bench/setup/StreamsApp.java BOOTSTRAP APP_ID INPUT [classic]
import java.nio.file.Files;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

public class StreamsApp {
  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
    config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("streams-app-").toString());
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    config.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, args.length > 3 ? args[3] : "streams");
    config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(args[2], Consumed.with(Serdes.ByteArray(), Serdes.String()))
        .groupBy((key, value) -> value, Grouped.with(Serdes.String(), Serdes.String()))
        .count(Materialized.as("counts"))
        .toStream()
        .to(args[1] + "-out", Produced.with(Serdes.String(), Serdes.Long()));
    KafkaStreams streams = new KafkaStreams(builder.build(), config);
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        running.countDown();
      }
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
          org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
      streams.cleanUp();
    }));
    streams.start();
    running.await();
    System.out.println("RUNNING");
  }
}
