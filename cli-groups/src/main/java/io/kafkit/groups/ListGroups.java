package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.output.OutputOptions;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;

/** {@code --list}: the consumer groups (classic and consumer protocol), sorted by name. */
final class ListGroups {
  private ListGroups() {}

  /** One listed group; type and state are "-" where the broker did not say. */
  record Group(String group, String type, String state) {}

  /** The groups, and which columns --type and --state asked to show. */
  record Listing(List<Group> groups, boolean showType, boolean showState) {}

  static int run(Admin admin, GroupsRequest request, OutputOptions output, PrintWriter out)
      throws Exception {
    ListGroupsOptions options = ListGroupsOptions.forConsumerGroups();
    if (!request.states().isEmpty()) {
      options.inGroupStates(request.states());
    }
    if (!request.types().isEmpty()) {
      options.withTypes(request.types());
    }
    List<Group> groups =
        admin.listGroups(options).all().get().stream()
            .sorted(Comparator.comparing(GroupListing::groupId))
            .map(
                g ->
                    new Group(
                        g.groupId(),
                        g.type().map(Object::toString).orElse("-"),
                        g.groupState().map(Object::toString).orElse("-")))
            .toList();
    output.print(
        new Listing(groups, request.showType(), request.showState()), ListGroups::text, out);
    return ExitCodes.OK;
  }

  /**
   * Apache's layout: names alone, or a table whose group column is the longest name (at least 15)
   * plus 10, then 20-wide TYPE and STATE columns.
   */
  static void text(Listing listing, PrintWriter out) {
    if (!listing.showType() && !listing.showState()) {
      listing.groups().forEach(g -> out.println(g.group()));
      return;
    }
    int width = 15;
    for (Group g : listing.groups()) {
      width = Math.max(width, g.group().length());
    }
    String format = "%-" + (width + 10) + "s";
    StringBuilder header = new StringBuilder(String.format(format, "GROUP"));
    if (listing.showType()) {
      header.append(String.format(" %-20s", "TYPE"));
    }
    if (listing.showState()) {
      header.append(String.format(" %-20s", "STATE"));
    }
    out.println(header);
    for (Group g : listing.groups()) {
      StringBuilder line = new StringBuilder(String.format(format, g.group()));
      if (listing.showType()) {
        line.append(String.format(" %-20s", g.type()));
      }
      if (listing.showState()) {
        line.append(String.format(" %-20s", g.state()));
      }
      out.println(line);
    }
  }
}
