package io.kafkit.schemaregistry.configindex;

import apicurio.common.app.components.config.index.DynamicPropertiesInfoRecorder;
import io.apicurio.common.apps.config.DynamicConfigPropertyDef;
import io.apicurio.common.apps.config.DynamicConfigPropertyList;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import java.util.ArrayList;
import java.util.List;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

/**
 * The build step of Apicurio's "config-index" Quarkus extension, whose deployment jar is not on
 * Maven Central.
 *
 * <p>Apicurio Registry marks the settings an administrator may change while it runs with
 * {@code @Dynamic @ConfigProperty(name = ..., defaultValue = ...) Supplier<T> field}. At build
 * time this step lists those injection points and registers a synthetic, runtime-initialised
 * {@link DynamicConfigPropertyList} bean holding one {@link DynamicConfigPropertyDef} per
 * property (name, value type, default, label, description, required properties), made by the
 * runtime half's recorder. The registry's dynamic-config code injects that bean; without it
 * the application fails CDI validation.
 */
public class ConfigIndexProcessor {

  private static final DotName CONFIG_PROPERTY =
      DotName.createSimple("org.eclipse.microprofile.config.inject.ConfigProperty");
  private static final DotName DYNAMIC = DotName.createSimple("io.apicurio.common.apps.config.Dynamic");

  @BuildStep
  @Record(ExecutionTime.RUNTIME_INIT)
  void registerDynamicPropertyList(
      DynamicPropertiesInfoRecorder recorder,
      BeanDiscoveryFinishedBuildItem beans,
      BuildProducer<SyntheticBeanBuildItem> syntheticBeans) {
    List<DynamicConfigPropertyDef> defs = new ArrayList<>();
    for (InjectionPointInfo point : beans.getInjectionPoints()) {
      if (isDynamicProperty(point)) {
        defs.add(describe(point));
      }
    }
    syntheticBeans.produce(
        SyntheticBeanBuildItem.configure(DynamicConfigPropertyList.class)
            .runtimeValue(recorder.initializePropertiesInfo(defs))
            .unremovable()
            .setRuntimeInit()
            .done());
  }

  private static boolean isDynamicProperty(InjectionPointInfo point) {
    return point.isField()
        && point.getRequiredQualifier(CONFIG_PROPERTY) != null
        && point.getTarget().asField().annotation(DYNAMIC) != null;
  }

  private static DynamicConfigPropertyDef describe(InjectionPointInfo point) {
    AnnotationInstance configProperty = point.getRequiredQualifier(CONFIG_PROPERTY);
    AnnotationInstance dynamic = point.getTarget().asField().annotation(DYNAMIC);
    String name = configProperty.value("name").asString();
    String where = point.getTarget().asField().declaringClass().name() + "." + point.getTarget().asField().name();

    Type declared = point.getRequiredType();
    if (declared.kind() != Type.Kind.PARAMETERIZED_TYPE
        || declared.asParameterizedType().arguments().size() != 1) {
      throw new IllegalStateException(
          "@Dynamic property '" + name + "' at " + where + " must be a Supplier<T>, not " + declared);
    }
    String valueTypeName = declared.asParameterizedType().arguments().get(0).name().toString();
    Class<?> valueType;
    try {
      valueType = Class.forName(valueTypeName, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("@Dynamic property '" + name + "': no class " + valueTypeName, e);
    }

    AnnotationValue defaultValue = configProperty.value("defaultValue");
    if (defaultValue == null) {
      throw new IllegalStateException(
          "@Dynamic property '" + name + "' at " + where + " needs a defaultValue");
    }
    DynamicConfigPropertyDef def =
        new DynamicConfigPropertyDef(name, valueType, defaultValue.asString());
    AnnotationValue label = dynamic.value("label");
    if (label != null) {
      def.setLabel(label.asString());
    }
    AnnotationValue description = dynamic.value("description");
    if (description != null) {
      def.setDescription(description.asString());
    }
    AnnotationValue requires = dynamic.value("requires");
    if (requires != null) {
      def.setRequires(requires.asStringArray());
    }
    return def;
  }
}
