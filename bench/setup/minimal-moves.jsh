// Plans made by kafkit reassign-partitions --generate, timed and counted without a cluster:
// --minimal-moves against the fresh layout (--generate without it), on topics laid out round
// robin as topic creation lays them out. Run by bench/run.sh minimal-moves (kafkit's jars on the
// class path; ReplicaPlacement is package-private, so it is reached by reflection).
import java.lang.reflect.*;
import java.util.*;
import org.apache.kafka.common.TopicPartition;

Class<?> placement = Class.forName("io.kafkit.admin.ReplicaPlacement");
Class<?> brokerClass = Class.forName("io.kafkit.admin.ReplicaPlacement$Broker");
Constructor<?> newBroker = brokerClass.getDeclaredConstructor(int.class, String.class);
newBroker.setAccessible(true);
Method minimal = placement.getDeclaredMethod("minimalMoves", Map.class, List.class);
minimal.setAccessible(true);
Method fresh = placement.getDeclaredMethod("fresh", Map.class, List.class, Random.class);
fresh.setAccessible(true);
Method moves = placement.getDeclaredMethod("moves", Map.class, Map.class);
moves.setAccessible(true);

Map<TopicPartition, List<Integer>> layout(int partitions, int rf, int brokers) {
  Map<TopicPartition, List<Integer>> m = new LinkedHashMap<>();
  for (int p = 0; p < partitions; p++) {
    List<Integer> r = new ArrayList<>();
    for (int j = 0; j < rf; j++) r.add(1 + (p + j) % brokers);
    m.put(new TopicPartition("t", p), r);
  }
  return m;
}
List<Object> brokers(int n) throws Exception {
  List<Object> b = new ArrayList<>();
  for (int id = 1; id <= n; id++) b.add(newBroker.newInstance(id, null));
  return b;
}
void plan(int partitions, int from, int to) throws Exception {
  var current = layout(partitions, 3, from);
  var list = brokers(to);
  long t0 = System.nanoTime();
  Object proposed = minimal.invoke(null, current, list);
  long ms = (System.nanoTime() - t0) / 1_000_000;
  int m = (int) moves.invoke(null, current, proposed);
  int f = (int) moves.invoke(null, current, fresh.invoke(null, current, list, new Random(1)));
  System.out.printf("  %,d partitions of 3 replicas, %d brokers -> %d: --minimal-moves moves %,d of %,d replicas in %d ms; the fresh layout moves %,d%n",
      partitions, from, to, m, partitions * 3, ms, f);
}
plan(1000, 6, 8);
plan(1000, 6, 5);
plan(10000, 9, 12);
plan(10000, 9, 12);
plan(10000, 12, 12);
/exit
