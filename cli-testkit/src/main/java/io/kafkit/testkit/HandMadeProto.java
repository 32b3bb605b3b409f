package io.kafkit.testkit;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * Protobuf messages described by hand for protobuf's own runtime, so that tests write and read
 * records without kafkit's .proto reader.
 */
public final class HandMadeProto {
  private HandMadeProto() {}

  public static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  public static FieldDescriptorProto.Builder repeated(String name, int number, Type type) {
    return field(name, number, type).setLabel(Label.LABEL_REPEATED);
  }

  /** {@code message Order { int64 id = 1; string item = 2; repeated string tags = 3; }} */
  public static DescriptorProto order() {
    return DescriptorProto.newBuilder()
        .setName("Order")
        .addField(field("id", 1, Type.TYPE_INT64))
        .addField(field("item", 2, Type.TYPE_STRING))
        .addField(repeated("tags", 3, Type.TYPE_STRING))
        .build();
  }

  /** A proto3 file of these messages. */
  public static FileDescriptor file(
      String name, String pkg, FileDescriptor[] dependencies, DescriptorProto... messages)
      throws DescriptorValidationException {
    FileDescriptorProto.Builder file =
        FileDescriptorProto.newBuilder().setName(name).setPackage(pkg).setSyntax("proto3");
    for (FileDescriptor d : dependencies) {
      file.addDependency(d.getName());
    }
    for (DescriptorProto m : messages) {
      file.addMessageType(m);
    }
    return FileDescriptor.buildFrom(file.build(), dependencies);
  }
}
