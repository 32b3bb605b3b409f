package io.kafkit.common.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Protobuf messages of one .proto file. Framed records name their message by its index path in the
 * file; plain records and encoding use one chosen message (by name, else the file's first).
 */
public final class ProtobufCodec implements SchemaCodec {
  private static final byte[] NO_PREFIX = new byte[0];
  private final FileDescriptor file;
  private final String text;
  private final Descriptor chosen;
  private final int[] chosenIndexes;
  private final ProtoTranscoder transcoder = new ProtoTranscoder();
  private final boolean checkRequired;
  private final ProtoEncoder encoder;
  private final byte[] framedPrefix;

  private ProtobufCodec(FileDescriptor file, String text, Descriptor chosen) {
    this.file = file;
    this.text = text;
    this.chosen = chosen;
    this.chosenIndexes = indexes(chosen);
    this.checkRequired = anyField(chosen, FieldDescriptor::isRequired); // proto2's
    boolean groups = anyField(chosen, f -> f.getType() == FieldDescriptor.Type.GROUP);
    this.encoder = checkRequired || groups ? null : new ProtoEncoder();
    java.io.ByteArrayOutputStream prefix = new java.io.ByteArrayOutputStream();
    Framing.writeMessageIndexes(prefix, chosenIndexes);
    this.framedPrefix = prefix.toByteArray();
  }

  /** Whether a field of the message, or of a message it holds however deep, passes the test. */
  static boolean anyField(Descriptor root, java.util.function.Predicate<FieldDescriptor> test) {
    java.util.Set<Descriptor> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Deque<Descriptor> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Descriptor d = todo.pop();
      if (!seen.add(d)) {
        continue;
      }
      for (FieldDescriptor f : d.getFields()) {
        if (test.test(f)) {
          return true;
        }
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          todo.push(f.getMessageType());
        }
      }
    }
    return false;
  }

  /**
   * @param messageName the message to encode (and to decode plain records as): its full or simple
   *     name; null for the file's first
   * @throws SchemaException when the text is not a .proto schema, or has no such message
   */
  public static ProtobufCodec parse(String name, String text, String messageName) {
    return parse(name, text, messageName, java.util.Map.of());
  }

  /**
   * @param resolved the files the schema imports, by name (a registry's references)
   */
  public static ProtobufCodec parse(
      String name,
      String text,
      String messageName,
      java.util.Map<String, FileDescriptor> resolved) {
    FileDescriptor file = ProtoText.parse(name, text, resolved);
    List<Descriptor> top = file.getMessageTypes();
    if (top.isEmpty()) {
      throw new SchemaException("The .proto schema " + name + " has no message");
    }
    Descriptor chosen = top.get(0);
    if (messageName != null) {
      chosen = find(file, messageName);
    }
    return new ProtobufCodec(file, text, chosen);
  }

  /**
   * The same schema, encoding (and decoding plain records as) another of its messages.
   *
   * @param messageName its full or simple name
   * @throws SchemaException when the schema has no such message
   */
  public ProtobufCodec choose(String messageName) {
    return new ProtobufCodec(file, text, find(file, messageName));
  }

  private static Descriptor find(FileDescriptor file, String name) {
    Descriptor byFull = file.findMessageTypeByName(name);
    if (byFull != null) {
      return byFull;
    }
    String full = file.getPackage().isEmpty() ? name : file.getPackage() + "." + name;
    Deque<Descriptor> all = new ArrayDeque<>(file.getMessageTypes());
    List<Descriptor> bySimpleName = new java.util.ArrayList<>();
    while (!all.isEmpty()) {
      Descriptor d = all.pop();
      if (d.getFullName().equals(full) || d.getFullName().equals(name)) {
        return d;
      }
      if (d.getName().equals(name) && !d.getOptions().getMapEntry()) {
        bySimpleName.add(d);
      }
      all.addAll(d.getNestedTypes());
    }
    if (bySimpleName.size() == 1) {
      return bySimpleName.get(0); // a nested message by its own name
    }
    if (bySimpleName.size() > 1) {
      throw new SchemaException(
          "The .proto schema has several messages named "
              + name
              + ": "
              + bySimpleName.stream().map(Descriptor::getFullName).toList()
              + "; give the full name");
    }
    List<String> names = file.getMessageTypes().stream().map(Descriptor::getName).toList();
    throw new SchemaException(
        "The .proto schema has no message " + name + " (it has " + names + ")");
  }

  private static int[] indexes(Descriptor d) {
    Deque<Integer> path = new ArrayDeque<>();
    for (Descriptor at = d; at != null; at = at.getContainingType()) {
      path.push(at.getIndex());
    }
    return path.stream().mapToInt(Integer::intValue).toArray();
  }

  public FileDescriptor file() {
    return file;
  }

  public Descriptor message() {
    return chosen;
  }

  @Override
  public SchemaType type() {
    return SchemaType.PROTOBUF;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public void writeJson(byte[] bytes, int offset, boolean framed, JsonGenerator out)
      throws IOException {
    Descriptor type = chosen;
    int at = offset;
    if (framed) {
      int[] position = {offset};
      type = byIndexes(Framing.readMessageIndexes(bytes, position));
      at = position[0];
    }
    try {
      transcoder.transcode(type, bytes, at, out);
    } catch (ProtoTranscoder.Fallback e) {
      writeJsonOfMessage(type, bytes, at, out);
    }
  }

  /** Through protobuf's DynamicMessage: what the transcoder leaves to it, and its reference. */
  static void writeJsonOfMessage(Descriptor type, byte[] bytes, int at, JsonGenerator out)
      throws IOException {
    DynamicMessage message;
    try {
      message =
          DynamicMessage.parseFrom(
              type, CodedInputStream.newInstance(bytes, at, bytes.length - at));
    } catch (InvalidProtocolBufferException e) {
      throw new SchemaException(
          "Not Protobuf of message " + type.getName() + ": " + e.getMessage(), e);
    }
    ProtoJson.write(message, out);
  }

  private Descriptor byIndexes(int[] indexes) {
    List<Descriptor> level = file.getMessageTypes();
    Descriptor d = null;
    for (int index : indexes) {
      if (index < 0 || index >= level.size()) {
        throw new SchemaException(
            "the record names message index "
                + java.util.Arrays.toString(indexes)
                + ", which the schema does not have");
      }
      d = level.get(index);
      level = d.getNestedTypes();
    }
    return d;
  }

  @Override
  public void encode(JsonNode value, boolean framed, OutputStream out) {
    if (encoder != null) {
      try {
        encoder.encode(value, chosen, framed ? framedPrefix : NO_PREFIX, out);
        return;
      } catch (RuntimeException e) {
        // ProtoTranscoder.Fallback, or anything unforeseen: the message DynamicMessage builds, or
        // the fault ProtoJson names, first in the JSON's order
      } catch (IOException e) {
        throw new SchemaException("Cannot encode as Protobuf: " + e.getMessage(), e);
      }
    }
    encodeAsMessage(value, framed, out);
  }

  /** Through protobuf's DynamicMessage: what the encoder leaves to it, and its reference. */
  void encodeAsMessage(JsonNode value, boolean framed, OutputStream out) {
    DynamicMessage message = ProtoJson.read(value, chosen);
    if (checkRequired && !message.isInitialized()) {
      throw new SchemaException(
          "required fields are missing: " + message.findInitializationErrors());
    }
    if (framed) {
      Framing.writeMessageIndexes(out, chosenIndexes);
    }
    try {
      message.writeTo(out);
    } catch (IOException e) {
      throw new SchemaException("Cannot encode as Protobuf: " + e.getMessage(), e);
    }
  }
}
