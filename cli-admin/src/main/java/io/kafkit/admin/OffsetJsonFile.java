package io.kafkit.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkit.common.cli.KafkitException;
import io.kafkit.common.output.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * delete-records' {@code --offset-json-file}, read as Apache reads it: {@code {"version": 1,
 * "partitions": [{"topic": "foo", "partition": 1, "offset": 1}]}}, the version optional (1), an
 * offset of -1 meaning the partition's high watermark, a partition named twice refused.
 */
final class OffsetJsonFile {
  private OffsetJsonFile() {}

  /**
   * @throws KafkitException saying what is wrong with the document
   */
  static Map<TopicPartition, Long> parse(String text, String file) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw problem(file, "The input string is not a valid JSON");
    }
    if (doc == null || !doc.isObject()) {
      throw problem(file, "The input string is not a valid JSON");
    }
    JsonNode version = doc.get("version");
    if (version != null && !(version.isInt() && version.intValue() == 1)) {
      throw problem(file, "Not supported version field value " + version);
    }
    JsonNode partitions = doc.get("partitions");
    if (partitions == null) {
      throw problem(file, "Missing partitions field");
    }
    if (!partitions.isArray()) {
      throw problem(file, "'partitions' is not a list of {\"topic\", \"partition\", \"offset\"}");
    }
    Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
    List<String> twice = new ArrayList<>();
    for (JsonNode entry : partitions) {
      String topic = field(entry, "topic", file).isTextual() ? entry.get("topic").asText() : null;
      JsonNode partition = field(entry, "partition", file);
      JsonNode offset = field(entry, "offset", file);
      if (topic == null || !partition.canConvertToInt() || !partition.isIntegralNumber()) {
        throw problem(
            file, "Each partition needs a \"topic\" string and a \"partition\" number: " + entry);
      }
      if (!offset.isIntegralNumber() || !offset.canConvertToLong()) {
        throw problem(file, "\"offset\" is not a number: " + entry);
      }
      TopicPartition tp = new TopicPartition(topic, partition.intValue());
      if (offsets.put(tp, offset.longValue()) != null) {
        twice.add(tp.toString());
      }
    }
    if (!twice.isEmpty()) {
      throw problem(
          file, "Offset json file contains duplicate topic partitions: " + String.join(",", twice));
    }
    return offsets;
  }

  private static JsonNode field(JsonNode entry, String name, String file) {
    JsonNode value = entry.isObject() ? entry.get(name) : null;
    if (value == null) {
      throw problem(file, "Missing \"" + name + "\" in " + entry);
    }
    return value;
  }

  private static KafkitException problem(String file, String message) {
    return new KafkitException(file + ": " + message);
  }
}
