package io.kafkit.groups;

import java.util.Collection;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.StreamsGroupTopologyDescription;
import org.apache.kafka.clients.admin.StreamsGroupTopologyDescription.GlobalStore;
import org.apache.kafka.clients.admin.StreamsGroupTopologyDescription.Node;
import org.apache.kafka.clients.admin.StreamsGroupTopologyDescription.Processor;
import org.apache.kafka.clients.admin.StreamsGroupTopologyDescription.Sink;
import org.apache.kafka.clients.admin.StreamsGroupTopologyDescription.Source;
import org.apache.kafka.clients.admin.StreamsGroupTopologyDescription.Subtopology;

/**
 * A streams group's topology as the broker's description plugin stored it, written as Kafka
 * Streams' own {@code Topology.describe()} prints it (and kafka-streams-groups.sh --topology):
 * names sorted, global stores numbered after the subtopologies.
 */
final class TopologyText {
  private TopologyText() {}

  static String format(StreamsGroupTopologyDescription topology) {
    StringBuilder text = new StringBuilder("Topologies:\n");
    for (Subtopology s : topology.subtopologies()) {
      text.append("   Sub-topology: ").append(s.id()).append('\n');
      for (Node node : s.nodes()) {
        text.append("    ");
        node(text, node);
        text.append('\n');
      }
      text.append('\n');
    }
    int id = topology.subtopologies().size();
    for (GlobalStore g : topology.globalStores()) {
      text.append("   Sub-topology: ")
          .append(id++)
          .append(" for global store (will not generate tasks)\n");
      text.append("    ");
      node(text, g.source());
      text.append("\n    ");
      node(text, g.processor());
      text.append("\n\n");
    }
    return text.toString();
  }

  private static void node(StringBuilder text, Node node) {
    if (node instanceof Source s) {
      text.append("Source: ").append(s.name()).append(" (topics: ").append(sorted(s.topics()));
      text.append(")\n      --> ").append(names(s.successors()));
    } else if (node instanceof Processor p) {
      text.append("Processor: ").append(p.name()).append(" (stores: ").append(sorted(p.stores()));
      text.append(")\n      --> ").append(names(p.successors()));
      text.append("\n      <-- ").append(names(p.predecessors()));
    } else if (node instanceof Sink k) {
      text.append("Sink: ").append(k.name()).append(" (topic: ").append(k.topic().orElse(null));
      text.append(")\n      <-- ").append(names(k.predecessors()));
    } else {
      throw new IllegalStateException("Unknown topology node type: " + node.getClass().getName());
    }
  }

  private static TreeSet<String> sorted(Collection<String> names) {
    return new TreeSet<>(names);
  }

  private static String names(Collection<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", sorted(names));
  }
}
