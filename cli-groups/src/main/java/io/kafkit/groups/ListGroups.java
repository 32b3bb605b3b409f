package io.kafkit.groups;

import io.kafkit.common.cli.ExitCodes;
import io.kafkit.common.output.OutputOptions;
import io.kafkit.common.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
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
    List<String> headers = new ArrayList<>(List.of("GROUP"));
    if (listing.showType()) {
      headers.add("TYPE");
    }
    if (listing.showState()) {
      headers.add("STATE");
    }
    Table table =
        new Table(headers.toArray(String[]::new))
            .minWidths(width + 10, 20, 20)
            .fixed(0, 1, headers.size() - 1)
            .padLast("");
    for (Group g : listing.groups()) {
      List<Object> cells = new ArrayList<>(List.of(g.group()));
      if (listing.showType()) {
        cells.add(g.type());
      }
      if (listing.showState()) {
        cells.add(g.state());
      }
      table.row(cells.toArray());
    }
    table.print(out);
  }
}
