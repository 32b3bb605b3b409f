package io.kafkit.dumplog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kafkit.common.cli.KafkitException;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.message.ConsumerProtocolAssignment;
import org.apache.kafka.common.message.ConsumerProtocolAssignmentJsonConverter;
import org.apache.kafka.common.message.ConsumerProtocolSubscription;
import org.apache.kafka.common.message.ConsumerProtocolSubscriptionJsonConverter;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.coordinator.common.runtime.CoordinatorRecord;
import org.apache.kafka.coordinator.common.runtime.CoordinatorRecordSerde;
import org.apache.kafka.coordinator.common.runtime.Deserializer;
import org.apache.kafka.server.common.ApiMessageAndVersion;

/**
 * The decoders of Kafka's internal topics, as Apache's DumpLogSegments prints them: the key and
 * value of each record as JSON through Kafka's own generated converters. Those live in Kafka's
 * broker jars, which the distribution carries in lib/broker and the launcher adds for dump-log
 * only, so no other command loads them.
 */
final class CoordinatorParsers {
  private CoordinatorParsers() {}

  static RecordParser parser(DumpLogCommand options) {
    try {
      if (options.offsetsDecoder) {
        return coordinator(
            new org.apache.kafka.coordinator.group.GroupCoordinatorRecordSerde(),
            org.apache.kafka.coordinator.group.generated.CoordinatorRecordJsonConverters
                ::writeRecordKeyAsJson,
            CoordinatorParsers::groupValue);
      }
      if (options.transactionLogDecoder) {
        return coordinator(
            new org.apache.kafka.coordinator.transaction.TransactionCoordinatorRecordSerde(),
            org.apache.kafka.coordinator.transaction.generated.CoordinatorRecordJsonConverters
                ::writeRecordKeyAsJson,
            CoordinatorParsers::transactionValue);
      }
      if (options.shareGroupStateDecoder) {
        return coordinator(
            new org.apache.kafka.coordinator.share.ShareCoordinatorRecordSerde(),
            org.apache.kafka.coordinator.share.generated.CoordinatorRecordJsonConverters
                ::writeRecordKeyAsJson,
            org.apache.kafka.coordinator.share.generated.CoordinatorRecordJsonConverters
                ::writeRecordValueAsJson);
      }
      if (options.clusterMetadataDecoder) {
        return clusterMetadata();
      }
      return remoteLogMetadata();
    } catch (NoClassDefFoundError e) {
      throw new KafkitException(
          "The internal-topic decoders need Kafka's broker libraries (lib/broker in the kafkit distribution),"
              + " and "
              + e.getMessage().replace('/', '.')
              + " is not on the class path. Run dump-log from the distribution's bin/kafkit.");
    }
  }

  private static RecordParser coordinator(
      CoordinatorRecordSerde serde,
      Function<ApiMessage, JsonNode> keyJson,
      BiFunction<ApiMessage, Short, JsonNode> valueJson) {
    return (record, prefix, out) -> {
      if (!record.hasKey()) {
        out.text(prefix)
            .text("key: Failed to decode message at offset ")
            .number(record.offset())
            .text(" using the specified decoder (message had a missing key)");
        return;
      }
      String key;
      String value;
      try {
        CoordinatorRecord r = serde.deserialize(record.key(), record.value());
        ObjectNode k = new ObjectNode(JsonNodeFactory.instance);
        k.set("type", new TextNode(String.valueOf(r.key().apiKey())));
        k.set("data", keyJson.apply(r.key()));
        key = k.toString();
        ApiMessageAndVersion v = r.value();
        if (v == null) {
          value = "<DELETE>";
        } else {
          ObjectNode json = new ObjectNode(JsonNodeFactory.instance);
          json.set("version", new TextNode(String.valueOf(v.version())));
          json.set("data", valueJson.apply(v.message(), v.version()));
          value = json.toString();
        }
      } catch (Deserializer.UnknownRecordTypeException e) {
        key =
            "Unknown record type "
                + e.unknownType()
                + " at offset "
                + record.offset()
                + ", skipping.";
        value = null;
      } catch (RuntimeException e) {
        key = "Error at offset " + record.offset() + ", skipping. " + e.getMessage();
        value = null;
      }
      out.text(prefix).text("key: ").text(key);
      if (value != null) {
        out.text(" payload: ").text(value);
      }
    };
  }

  /**
   * Group metadata, with the consumer protocol's subscriptions and assignments decoded, as Apache
   * does.
   */
  /** As Apache 4.4 prints it: a transaction's status by its state's name (Ongoing...). */
  private static JsonNode transactionValue(ApiMessage message, short version) {
    JsonNode json =
        org.apache.kafka.coordinator.transaction.generated.CoordinatorRecordJsonConverters
            .writeRecordValueAsJson(message, version);
    if (message
        instanceof org.apache.kafka.coordinator.transaction.generated.TransactionLogValue value) {
      String status;
      try {
        status =
            org.apache.kafka.coordinator.transaction.TransactionState.fromId(
                    value.transactionStatus())
                .stateName();
      } catch (IllegalStateException e) {
        status = String.valueOf(value.transactionStatus());
      }
      ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("transactionStatus", status);
    }
    return json;
  }

  private static JsonNode groupValue(ApiMessage message, short version) {
    if (message.apiKey()
        != org.apache.kafka.coordinator.group.generated.CoordinatorRecordType.GROUP_METADATA.id()) {
      return org.apache.kafka.coordinator.group.generated.CoordinatorRecordJsonConverters
          .writeRecordValueAsJson(message, version);
    }
    JsonNode json =
        org.apache.kafka.coordinator.group.generated.GroupMetadataValueJsonConverter.write(
            (org.apache.kafka.coordinator.group.generated.GroupMetadataValue) message, version);
    JsonNode protocolType = json.get("protocolType");
    JsonNode members = json.get("members");
    if (protocolType != null
        && ConsumerProtocol.PROTOCOL_TYPE.equals(protocolType.asText())
        && members != null
        && members.isArray()) {
      for (JsonNode member : members) {
        replace(
            member,
            "subscription",
            ConsumerProtocolSubscription::new,
            ConsumerProtocolSubscriptionJsonConverter::write);
        replace(
            member,
            "assignment",
            ConsumerProtocolAssignment::new,
            ConsumerProtocolAssignmentJsonConverter::write);
      }
    }
    return json;
  }

  private static <T> void replace(
      JsonNode node,
      String field,
      BiFunction<ByteBufferAccessor, Short, T> reader,
      BiFunction<T, Short, JsonNode> writer) {
    JsonNode bytes = node.get(field);
    if (bytes == null) {
      return;
    }
    try {
      ByteBufferAccessor accessor = new ByteBufferAccessor(ByteBuffer.wrap(bytes.binaryValue()));
      short version = accessor.readShort();
      ((ObjectNode) node).replace(field, writer.apply(reader.apply(accessor, version), version));
    } catch (java.io.IOException | RuntimeException e) {
      // as Apache: bytes that are not the consumer protocol stay as they are (base64)
    }
  }

  private static RecordParser clusterMetadata() {
    var serde = new org.apache.kafka.metadata.MetadataRecordSerde();
    return (record, prefix, out) -> {
      String text;
      try {
        ApiMessageAndVersion m =
            serde.read(new ByteBufferAccessor(record.value()), record.valueSize());
        ObjectNode json = new ObjectNode(JsonNodeFactory.instance);
        json.set(
            "type",
            new TextNode(
                org.apache.kafka.common.metadata.MetadataRecordType.fromId(m.message().apiKey())
                    .toString()));
        json.set("version", new IntNode(m.version()));
        json.set(
            "data",
            org.apache.kafka.common.metadata.MetadataJsonConverters.writeJson(
                m.message(), m.version()));
        text = json.toString();
      } catch (RuntimeException e) {
        text = "Error at " + record.offset() + ", skipping. " + e.getMessage();
      }
      out.text(prefix).text("payload: ").text(text);
    };
  }

  private static RecordParser remoteLogMetadata() {
    var serde =
        new org.apache.kafka.server.log.remote.metadata.storage.serialization
            .RemoteLogMetadataSerde();
    return (LogRecord record, String prefix, Out out) -> {
      String text;
      try {
        text = serde.deserialize(FieldDecoder.copy(record.value())).toString();
      } catch (RuntimeException e) {
        text = "Error at offset " + record.offset() + ", skipping. " + e.getMessage();
      }
      out.text(prefix).text("payload: ").text(text);
    };
  }
}
