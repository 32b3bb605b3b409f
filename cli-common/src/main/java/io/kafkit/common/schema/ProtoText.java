package io.kafkit.common.schema;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code .proto} text (a registry's schema, or a file) as protobuf-java's {@link FileDescriptor},
 * so that {@code DynamicMessage} reads and writes its messages. The one class that touches Square
 * Wire's parser, which is public but sits in an {@code internal} package: a Wire upgrade breaks
 * this file only.
 *
 * <p>Imports of protobuf's own files ({@code google/protobuf/*.proto}) resolve to protobuf-java's
 * own. Those Confluent's registry knows without references ({@code confluent/meta.proto}, {@code
 * confluent/type/decimal.proto}, {@code google/type/*.proto}: {@link #BUILT_IN}) are kafkit's
 * copies of their messages, unless the schema's references name a file of that name. Other imports
 * are the references' or refused.
 */
public final class ProtoText {
  private static final Map<String, FileDescriptor> WELL_KNOWN =
      Map.ofEntries(
          Map.entry("google/protobuf/timestamp.proto", TimestampProto.getDescriptor()),
          Map.entry("google/protobuf/duration.proto", DurationProto.getDescriptor()),
          Map.entry("google/protobuf/any.proto", AnyProto.getDescriptor()),
          Map.entry("google/protobuf/empty.proto", EmptyProto.getDescriptor()),
          Map.entry("google/protobuf/struct.proto", StructProto.getDescriptor()),
          Map.entry("google/protobuf/wrappers.proto", WrappersProto.getDescriptor()),
          Map.entry("google/protobuf/field_mask.proto", FieldMaskProto.getDescriptor()),
          Map.entry("google/protobuf/descriptor.proto", DescriptorProtos.getDescriptor()),
          Map.entry("google/protobuf/api.proto", com.google.protobuf.ApiProto.getDescriptor()),
          Map.entry(
              "google/protobuf/source_context.proto",
              com.google.protobuf.SourceContextProto.getDescriptor()),
          Map.entry("google/protobuf/type.proto", com.google.protobuf.TypeProto.getDescriptor()));

  /** The files Confluent's registry resolves itself, as resources under {@code builtin/}. */
  static final java.util.Set<String> BUILT_IN =
      java.util.Set.of(
          "confluent/meta.proto",
          "confluent/type/decimal.proto",
          "confluent/type/variant.proto",
          "google/type/calendar_period.proto",
          "google/type/color.proto",
          "google/type/date.proto",
          "google/type/datetime.proto",
          "google/type/dayofweek.proto",
          "google/type/decimal.proto",
          "google/type/expr.proto",
          "google/type/fraction.proto",
          "google/type/interval.proto",
          "google/type/latlng.proto",
          "google/type/money.proto",
          "google/type/month.proto",
          "google/type/phone_number.proto",
          "google/type/postal_address.proto",
          "google/type/quaternion.proto",
          "google/type/timeofday.proto");

  private static final Map<String, FileDescriptor> BUILT_IN_PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A file Confluent's registry resolves itself, parsed once; null for any other name. */
  private static FileDescriptor builtIn(String path) {
    if (!BUILT_IN.contains(path)) {
      return null;
    }
    FileDescriptor parsed = BUILT_IN_PARSED.get(path);
    if (parsed == null) {
      try (java.io.InputStream in = ProtoText.class.getResourceAsStream("builtin/" + path)) {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        parsed = parse(path, text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      BUILT_IN_PARSED.putIfAbsent(path, parsed);
    }
    return parsed;
  }

  private static final Map<String, FieldDescriptorProto.Type> SCALARS =
      Map.ofEntries(
          Map.entry("double", FieldDescriptorProto.Type.TYPE_DOUBLE),
          Map.entry("float", FieldDescriptorProto.Type.TYPE_FLOAT),
          Map.entry("int64", FieldDescriptorProto.Type.TYPE_INT64),
          Map.entry("uint64", FieldDescriptorProto.Type.TYPE_UINT64),
          Map.entry("int32", FieldDescriptorProto.Type.TYPE_INT32),
          Map.entry("fixed64", FieldDescriptorProto.Type.TYPE_FIXED64),
          Map.entry("fixed32", FieldDescriptorProto.Type.TYPE_FIXED32),
          Map.entry("bool", FieldDescriptorProto.Type.TYPE_BOOL),
          Map.entry("string", FieldDescriptorProto.Type.TYPE_STRING),
          Map.entry("bytes", FieldDescriptorProto.Type.TYPE_BYTES),
          Map.entry("uint32", FieldDescriptorProto.Type.TYPE_UINT32),
          Map.entry("sfixed32", FieldDescriptorProto.Type.TYPE_SFIXED32),
          Map.entry("sfixed64", FieldDescriptorProto.Type.TYPE_SFIXED64),
          Map.entry("sint32", FieldDescriptorProto.Type.TYPE_SINT32),
          Map.entry("sint64", FieldDescriptorProto.Type.TYPE_SINT64));

  private ProtoText() {}

  /** Whether kafkit resolves this import itself (Google's well-known types). */
  public static boolean knows(String imported) {
    return WELL_KNOWN.containsKey(imported);
  }

  /**
   * @param name the file's name, for messages (a path, or "schema.proto")
   * @throws SchemaException when the text does not parse or does not describe valid messages
   */
  public static FileDescriptor parse(String name, String text) {
    return parse(name, text, Map.of());
  }

  /**
   * @param resolved the files this one may import besides Google's well-known types, by the name
   *     its import statements give (a registry's references)
   */
  public static FileDescriptor parse(
      String name, String text, Map<String, FileDescriptor> resolved) {
    ProtoFileElement file;
    try {
      file = ProtoParser.Companion.parse(Location.get(name), text);
    } catch (RuntimeException e) {
      throw new SchemaException("Not a .proto schema: " + e.getMessage(), e);
    }
    boolean proto3 = file.getSyntax() == Syntax.PROTO_3;
    FileDescriptorProto.Builder proto =
        FileDescriptorProto.newBuilder().setName(name).setSyntax(proto3 ? "proto3" : "proto2");
    if (file.getPackageName() != null) {
      proto.setPackage(file.getPackageName());
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    List<String> imports = new ArrayList<>(file.getImports());
    imports.addAll(file.getPublicImports());
    for (String imported : imports) {
      if (file.getPublicImports().contains(imported)) {
        // what imports this file sees the public import's types too
        proto.addPublicDependency(dependencies.size());
      }
      FileDescriptor known = resolved.get(imported);
      if (known == null) {
        known = WELL_KNOWN.get(imported);
      }
      if (known == null) {
        known = builtIn(imported);
      }
      if (known == null) {
        throw new SchemaException(
            "The schema imports "
                + imported
                + ", which is neither one of protobuf's or Confluent's own files nor among the"
                + " schema's references in the registry");
      }
      proto.addDependency(imported);
      dependencies.add(known);
    }
    for (TypeElement type : file.getTypes()) {
      if (type instanceof MessageElement m) {
        proto.addMessageType(message(m, proto3));
      } else if (type instanceof EnumElement e) {
        proto.addEnumType(enumType(e));
      }
    }
    try {
      return FileDescriptor.buildFrom(proto.build(), dependencies.toArray(new FileDescriptor[0]));
    } catch (DescriptorValidationException e) {
      throw new SchemaException("Not a valid .proto schema: " + e.getMessage(), e);
    }
  }

  private static DescriptorProto message(MessageElement m, boolean proto3) {
    if (!m.getGroups().isEmpty()) {
      throw new SchemaException("message " + m.getName() + " has groups, which kafkit cannot read");
    }
    DescriptorProto.Builder b = DescriptorProto.newBuilder().setName(m.getName());
    for (OptionElement option : m.getOptions()) {
      // a map field's entry written out, as a schema registered from generated code has it
      if (option.getName().equals("map_entry")
          && Boolean.parseBoolean(String.valueOf(option.getValue()))) {
        b.setOptions(DescriptorProtos.MessageOptions.newBuilder().setMapEntry(true));
      }
    }
    for (TypeElement nested : m.getNestedTypes()) {
      if (nested instanceof MessageElement n) {
        b.addNestedType(message(n, proto3));
      } else if (nested instanceof EnumElement e) {
        b.addEnumType(enumType(e));
      }
    }
    // Fields in the order the file declares them, oneof members among the others.
    List<FieldElement> fields = new ArrayList<>(m.getFields());
    Map<FieldElement, Integer> oneOfIndex = new java.util.IdentityHashMap<>();
    int index = 0;
    for (OneOfElement oneOf : m.getOneOfs()) {
      b.addOneofDecl(OneofDescriptorProto.newBuilder().setName(oneOf.getName()));
      for (FieldElement f : oneOf.getFields()) {
        fields.add(f);
        oneOfIndex.put(f, index);
      }
      index++;
    }
    fields.sort(
        java.util.Comparator.comparingInt((FieldElement f) -> f.getLocation().getLine())
            .thenComparingInt(f -> f.getLocation().getColumn()));
    List<String> synthetic = new ArrayList<>();
    for (FieldElement f : fields) {
      FieldDescriptorProto.Builder field = field(f, b, proto3);
      Integer inOneOf = oneOfIndex.get(f);
      if (inOneOf != null) {
        field.setOneofIndex(inOneOf);
      } else if (proto3 && f.getLabel() == Field.Label.OPTIONAL) {
        field.setProto3Optional(true);
        synthetic.add(f.getName());
        field.setOneofIndex(m.getOneOfs().size() + synthetic.size() - 1);
      }
      b.addField(field);
    }
    // proto3 'optional' fields each sit in a oneof of their own, after the real ones
    for (String name : synthetic) {
      b.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_" + name));
    }
    return b.build();
  }

  private static FieldDescriptorProto.Builder field(
      FieldElement f, DescriptorProto.Builder message, boolean proto3) {
    FieldDescriptorProto.Builder field =
        FieldDescriptorProto.newBuilder().setName(f.getName()).setNumber(f.getTag());
    if (f.getJsonName() != null) {
      field.setJsonName(f.getJsonName());
    }
    Field.Label label = f.getLabel();
    field.setLabel(
        label == Field.Label.REPEATED
            ? FieldDescriptorProto.Label.LABEL_REPEATED
            : label == Field.Label.REQUIRED
                ? FieldDescriptorProto.Label.LABEL_REQUIRED
                : FieldDescriptorProto.Label.LABEL_OPTIONAL);
    String type = f.getType().trim();
    if (type.startsWith("map<") && type.endsWith(">")) {
      String[] kv = type.substring(4, type.length() - 1).split(",", 2);
      String entry = camel(f.getName()) + "Entry";
      message.addNestedType(
          DescriptorProto.newBuilder()
              .setName(entry)
              .addField(entryField("key", 1, kv[0].trim()))
              .addField(entryField("value", 2, kv[1].trim()))
              .setOptions(DescriptorProtos.MessageOptions.newBuilder().setMapEntry(true)));
      field.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setTypeName(entry);
    } else {
      setType(field, type);
    }
    if (f.getDefaultValue() != null) {
      field.setDefaultValue(f.getDefaultValue());
    }
    for (OptionElement option : f.getOptions()) {
      if (option.getName().equals("packed")) {
        field.setOptions(
            DescriptorProtos.FieldOptions.newBuilder()
                .setPacked(Boolean.parseBoolean(String.valueOf(option.getValue()))));
      }
    }
    return field;
  }

  private static FieldDescriptorProto.Builder entryField(String name, int number, String type) {
    FieldDescriptorProto.Builder b =
        FieldDescriptorProto.newBuilder()
            .setName(name)
            .setNumber(number)
            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL);
    setType(b, type);
    return b;
  }

  private static void setType(FieldDescriptorProto.Builder field, String type) {
    FieldDescriptorProto.Type scalar = SCALARS.get(type);
    if (scalar != null) {
      field.setType(scalar);
    } else {
      field.setTypeName(type); // resolved (message or enum, relative or full) by protobuf-java
    }
  }

  private static EnumDescriptorProto enumType(EnumElement e) {
    EnumDescriptorProto.Builder b = EnumDescriptorProto.newBuilder().setName(e.getName());
    for (EnumConstantElement c : e.getConstants()) {
      b.addValue(EnumValueDescriptorProto.newBuilder().setName(c.getName()).setNumber(c.getTag()));
    }
    for (OptionElement option : e.getOptions()) {
      if (option.getName().equals("allow_alias")) {
        b.setOptions(
            DescriptorProtos.EnumOptions.newBuilder()
                .setAllowAlias(Boolean.parseBoolean(String.valueOf(option.getValue()))));
      }
    }
    return b.build();
  }

  /** protoc's name for a map field's entry message: foo_bar -> FooBar. */
  private static String camel(String name) {
    StringBuilder s = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return s.toString();
  }
}
