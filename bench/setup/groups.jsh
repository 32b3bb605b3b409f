// Creates what the groups benchmarks describe: 10 topics of 100 partitions (1,000 in all) and
// 200 consumer groups, group i with a committed offset on every partition of topic i % 10.
// Run by bench/run.sh through jshell with kafkit's lib/ on the class path; BOOTSTRAP in the env.
import java.util.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

var admin = Admin.create(Map.of("bootstrap.servers", System.getenv("BOOTSTRAP")));
var topics = new ArrayList<NewTopic>();
for (int t = 0; t < 10; t++) topics.add(new NewTopic("bench-groups-" + t, 100, (short) 1));
admin.createTopics(topics).all().get();
for (int g = 0; g < 200; g++) {
  var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
  for (int p = 0; p < 100; p++) offsets.put(new TopicPartition("bench-groups-" + (g % 10), p), new OffsetAndMetadata(0));
  admin.alterConsumerGroupOffsets("bench-group-" + g, offsets).all().get();
}
admin.close();
/exit
