package io.kafkit.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.cli.VersionProvider;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.schema.RegistryClient;
import io.kafkit.common.schema.RegistryClient.RegistryException;
import io.kafkit.common.schema.SchemaCodec;
import io.kafkit.common.schema.SchemaCodecs;
import io.kafkit.common.schema.SchemaException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kafkit registry}: a Confluent-compatible schema registry from the command line. Each
 * subcommand is one or two REST calls; text for people, {@code --output json} for scripts.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Inspect and change a schema registry (Confluent's REST API, which Confluent's, Apicurio's,"
          + " Karapace's and Redpanda's registries speak): subjects, versions, schemas,"
          + " compatibility."
    },
    subcommands = {
      RegistryCommand.Subjects.class,
      RegistryCommand.Versions.class,
      RegistryCommand.Get.class,
      RegistryCommand.Register.class,
      RegistryCommand.Check.class,
      RegistryCommand.Config.class,
      RegistryCommand.Delete.class
    })
public final class RegistryCommand implements Callable<Integer> {
  static final Set<String> LEVELS =
      Set.of(
          "BACKWARD",
          "BACKWARD_TRANSITIVE",
          "FORWARD",
          "FORWARD_TRANSITIVE",
          "FULL",
          "FULL_TRANSITIVE",
          "NONE");
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Name a subcommand: subjects, versions, get, register, check, config or delete.");
  }

  /** The parts every subcommand shares. */
  abstract static class Sub implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RegistryOptions registry;
    @Mixin OutputOptions output;

    /** The subcommand's work; the registry client is closed after it. */
    abstract Integer run();

    @Override
    public final Integer call() {
      try {
        return run();
      } finally {
        registry.close();
      }
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }

  @Command(
      name = "subjects",
      mixinStandardHelpOptions = true,
      description = "List the subjects, one a line.")
  static final class Subjects extends Sub {
    @Option(names = "--deleted", description = "Include subjects deleted softly.")
    boolean deleted;

    @Override
    Integer run() {
      JsonNode n = registry.client().get("/subjects" + (deleted ? "?deleted=true" : ""));
      List<String> subjects = new ArrayList<>();
      n.forEach(s -> subjects.add(s.asText()));
      subjects.sort(null);
      output.print(subjects, (list, w) -> list.forEach(w::println), out());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "versions",
      mixinStandardHelpOptions = true,
      description = "List a subject's versions, one a line.")
  static final class Versions extends Sub {
    @Parameters(index = "0", paramLabel = "SUBJECT")
    String subject;

    @Override
    Integer run() {
      JsonNode n =
          registry.client().get("/subjects/" + RegistryClient.encode(subject) + "/versions");
      List<Integer> versions = new ArrayList<>();
      n.forEach(v -> versions.add(v.asInt()));
      output.print(versions, (list, w) -> list.forEach(w::println), out());
      return ExitCodes.OK;
    }
  }

  /** A schema, where it is registered, and the registered schemas it refers to (or null). */
  record SchemaView(
      String subject,
      Integer version,
      int id,
      String schemaType,
      String schema,
      JsonNode references) {}

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = {
        "Print a schema: by --id, or a subject's version (default: the latest).",
        "As text, the schema alone (Avro and JSON Schema indented), ready for a file."
      })
  static final class Get extends Sub {
    @Option(names = "--id", paramLabel = "ID", description = "The schema's id.")
    Integer id;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUBJECT")
    String subject;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "VERSION",
        description = "A version or latest.")
    String version;

    @Override
    Integer run() {
      if ((id == null) == (subject == null)) {
        throw usage("Give --id ID or a SUBJECT [VERSION], not both and not neither.");
      }
      RegistryClient client = registry.client();
      SchemaView view;
      if (id != null) {
        RegistryClient.RegisteredSchema s = client.schemaById(id);
        view = new SchemaView(null, null, id, s.type().name(), s.text(), refs(s));
      } else {
        String v = version == null ? "latest" : checkVersion(version, this);
        RegistryClient.RegisteredSchema s = client.version(subject, v);
        view = new SchemaView(s.subject(), s.version(), s.id(), s.type().name(), s.text(), refs(s));
      }
      output.print(view, (s, w) -> w.println(readable(s)), out());
      return ExitCodes.OK;
    }

    private static JsonNode refs(RegistryClient.RegisteredSchema s) {
      return s.references() == null || s.references().isEmpty() ? null : s.references();
    }

    private static String readable(SchemaView s) {
      if (s.schemaType().equals("PROTOBUF")) {
        return s.schema().endsWith("\n")
            ? s.schema().substring(0, s.schema().length() - 1)
            : s.schema();
      }
      try {
        return PRETTY.writeValueAsString(PRETTY.readTree(s.schema()));
      } catch (java.io.IOException e) {
        return s.schema();
      }
    }
  }

  /** A file's schema: its type from its name (.avsc, .proto, .json) and its checked text. */
  static SchemaCodec schemaFile(String file, Sub command) {
    try {
      return SchemaCodecs.fromFile(file);
    } catch (SchemaException e) {
      throw command.usage(e.getMessage());
    }
  }

  /**
   * A schema file that refers to registered schemas: read with them, so that it is checked whole
   * before the registry sees it.
   */
  static SchemaCodec schemaFile(String file, JsonNode references, Sub command) {
    if (references.isEmpty()) {
      return schemaFile(file, command);
    }
    SchemaCodecs.SchemaFile f;
    try {
      f = SchemaCodecs.readFile(file);
    } catch (SchemaException e) {
      throw command.usage(e.getMessage());
    }
    try {
      // not closed: the client is the command's, closed when it ends
      return new SchemaCodecs(command.registry.client())
          .withReferences(f.type(), f.name(), f.text(), f.message(), references);
    } catch (RegistryException | RegistryClient.UnreachableException e) {
      throw e;
    } catch (SchemaException e) {
      throw command.usage(f.path() + ": " + e.getMessage());
    }
  }

  /** The repeatable --reference NAME=SUBJECT[:VERSION] of register and check. */
  static final class References {
    @Option(
        names = "--reference",
        paramLabel = "NAME=SUBJECT[:VERSION]",
        description =
            "A registered schema this one refers to: the name it uses for it (an Avro type's"
                + " full name, an imported .proto file, a JSON Schema $ref), its subject and"
                + " version (default: the latest). Repeatable.")
    List<String> given = new ArrayList<>();

    /** As the registry's API has them: objects of name, subject and version. */
    ArrayNode resolve(Sub command) {
      ArrayNode list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      for (String g : given) {
        int eq = g.indexOf('=');
        if (eq <= 0 || eq == g.length() - 1) {
          throw command.usage("--reference " + g + ": give NAME=SUBJECT or NAME=SUBJECT:VERSION");
        }
        String name = g.substring(0, eq);
        String subject = g.substring(eq + 1);
        String version = "latest";
        int colon = subject.lastIndexOf(':');
        if (colon > 0 && subject.substring(colon + 1).matches("\\d{1,9}|latest")) {
          version = subject.substring(colon + 1);
          subject = subject.substring(0, colon);
        }
        int number =
            version.equals("latest")
                ? command.registry.client().version(subject, "latest").version()
                : Integer.parseInt(version);
        ObjectNode r = list.addObject();
        r.put("name", name);
        r.put("subject", subject);
        r.put("version", number);
      }
      return list;
    }
  }

  record Registered(String subject, int id) {}

  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description = {
        "Register a schema file (.avsc, .proto, .json) under a subject and print its id.",
        "A schema the subject has already keeps its id."
      })
  static final class Register extends Sub {
    @Parameters(index = "0", paramLabel = "SUBJECT")
    String subject;

    @Parameters(index = "1", paramLabel = "FILE")
    String file;

    @Mixin References references;

    @Override
    Integer run() {
      ArrayNode refs = references.resolve(this);
      SchemaCodec codec = schemaFile(file, refs, this);
      int id = registry.client().register(subject, codec.type(), codec.text(), refs);
      output.print(
          new Registered(subject, id),
          (r, w) ->
              w.println("Registered under subject " + r.subject() + " with id " + r.id() + "."),
          out());
      return ExitCodes.OK;
    }
  }

  record Compatibility(String subject, String version, boolean compatible, List<String> messages) {}

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Check a schema file against a subject's version (default: latest) under the subject's",
        "compatibility rule. Exit 0 when compatible, 1 when not."
      })
  static final class Check extends Sub {
    @Parameters(index = "0", paramLabel = "SUBJECT")
    String subject;

    @Parameters(index = "1", paramLabel = "FILE")
    String file;

    @Option(
        names = "--version",
        paramLabel = "VERSION",
        description = "A version or latest (default).")
    String version = "latest";

    @Mixin References references;

    @Override
    Integer run() {
      ArrayNode refs = references.resolve(this);
      SchemaCodec codec = schemaFile(file, refs, this);
      String v = checkVersion(version, this);
      JsonNode n =
          registry
              .client()
              .post(
                  "/compatibility/subjects/"
                      + RegistryClient.encode(subject)
                      + "/versions/"
                      + RegistryClient.encode(v)
                      + "?verbose=true",
                  RegistryClient.body(codec.type(), codec.text(), refs));
      boolean compatible = n.path("is_compatible").asBoolean(false);
      List<String> messages = new ArrayList<>();
      n.path("messages").forEach(m -> messages.add(m.asText()));
      if (messages.isEmpty() && n.hasNonNull("reason")) {
        messages.add(n.get("reason").asText()); // Apicurio's word for it
      }
      output.print(
          new Compatibility(subject, v, compatible, messages),
          (c, w) -> {
            w.println(
                file
                    + (c.compatible() ? " is compatible with " : " is NOT compatible with ")
                    + c.subject()
                    + " version "
                    + c.version()
                    + ".");
            c.messages().forEach(m -> w.println("  " + m));
          },
          out());
      return compatible ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  record Level(String subject, String compatibility) {}

  @Command(
      name = "config",
      mixinStandardHelpOptions = true,
      description = {
        "Print the compatibility rule, the registry's or a subject's; --set changes it.",
        "Rules: BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE."
      })
  static final class Config extends Sub {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SUBJECT")
    String subject;

    @Option(names = "--set", paramLabel = "RULE", description = "Set the rule.")
    String set;

    @Override
    Integer run() {
      String path = "/config" + (subject == null ? "" : "/" + RegistryClient.encode(subject));
      RegistryClient client = registry.client();
      String level;
      if (set != null) {
        String wanted = set.trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(wanted)) {
          throw usage(
              "--set "
                  + set
                  + " is not a rule: give one of "
                  + String.join(", ", new java.util.TreeSet<>(LEVELS))
                  + ".");
        }
        ObjectNode body = new ObjectMapper().createObjectNode().put("compatibility", wanted);
        JsonNode n = client.put(path, body);
        level = n.path("compatibility").asText(wanted);
      } else {
        JsonNode n;
        try {
          n = client.get(path + (subject == null ? "" : "?defaultToGlobal=true"));
        } catch (RegistryException e) {
          if (subject == null || e.status() != 404) {
            throw e;
          }
          n = client.get("/config"); // a registry that does not fall back itself
        }
        level =
            n.has("compatibilityLevel")
                ? n.get("compatibilityLevel").asText()
                : n.path("compatibility").asText();
      }
      output.print(new Level(subject, level), (l, w) -> w.println(l.compatibility()), out());
      return ExitCodes.OK;
    }
  }

  record Deleted(String subject, List<Integer> versions, boolean permanent) {}

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Delete a subject, or one version of it. Softly: the registry keeps it, and",
        "'subjects --deleted' lists it; --permanent then removes it for good."
      })
  static final class Delete extends Sub {
    @Parameters(index = "0", paramLabel = "SUBJECT")
    String subject;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION")
    String version;

    @Option(
        names = "--permanent",
        description = "Remove a softly deleted subject or version for good.")
    boolean permanent;

    @Override
    Integer run() {
      String path = "/subjects/" + RegistryClient.encode(subject);
      if (version != null) {
        path += "/versions/" + RegistryClient.encode(checkVersion(version, this));
      }
      JsonNode n = registry.client().delete(path + (permanent ? "?permanent=true" : ""));
      List<Integer> versions = new ArrayList<>();
      if (n.isArray()) {
        n.forEach(v -> versions.add(v.asInt()));
      } else if (n.isNumber()) {
        versions.add(n.asInt());
      }
      output.print(
          new Deleted(subject, versions, permanent),
          (d, w) ->
              w.println(
                  (d.permanent() ? "Removed for good" : "Deleted")
                      + " version"
                      + (d.versions().size() == 1 ? " " : "s ")
                      + d.versions().toString().replaceAll("[\\[\\]]", "")
                      + " of subject "
                      + d.subject()
                      + "."),
          out());
      return ExitCodes.OK;
    }
  }

  static String checkVersion(String version, Sub command) {
    if (version.equals("latest") || version.equals("-1")) {
      return "latest"; // Confluent's -1 is the latest, which not every registry knows
    }
    try {
      if (Integer.parseInt(version) > 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw command.usage("'" + version + "' is not a version: give a number from 1, or latest.");
  }
}
